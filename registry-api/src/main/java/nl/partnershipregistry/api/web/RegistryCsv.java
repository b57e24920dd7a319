package nl.partnershipregistry.api.web;

import nl.partnershipregistry.projections.query.organisation.OrganisationPage;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;

/**
 * The registry list as CSV, one row per partnership: the JSON API's {@code GET /api/partnerships}
 * with {@code Accept: text/csv} and the pages' download link give the same table. The organisations
 * likewise, one row per organisation.
 */
public final class RegistryCsv {

  private RegistryCsv() {}

  public static String partnerships(PartnershipPage page) {
    return partnerships(java.util.List.of(page));
  }

  /** Pages of one selection, one after another, as one table. */
  public static String partnerships(java.util.List<PartnershipPage> pages) {
    Csv csv =
        new Csv(
            "partnershipId",
            "name",
            "kind",
            "phase",
            "phaseSince",
            "startedOn",
            "existingBy",
            "existence",
            "region",
            "sector",
            "activePartners");
    for (PartnershipPage.Listing listing :
        pages.stream().flatMap(page -> page.items().stream()).toList()) {
      csv.row(
          listing.partnershipId().value(),
          listing.name(),
          listing.kind(),
          listing.phase(),
          listing.phaseSince(),
          listing.startedOn(),
          listing.existingBy(),
          listing.existence(),
          listing.region(),
          listing.sector(),
          listing.activePartners().stream().map(id -> id.value()).toList());
    }
    return csv.toString();
  }

  public static String organisations(OrganisationPage page) {
    Csv csv =
        new Csv(
            "organisationId",
            "name",
            "formerNames",
            "type",
            "schoolLevel",
            "groupId",
            "groupName",
            "mergedInto",
            "partnerships");
    for (OrganisationPage.Listing listing : page.items()) {
      csv.row(
          listing.organisationId().value(),
          listing.name(),
          String.join("; ", listing.formerNames()),
          listing.type(),
          listing.schoolLevel(),
          listing.groupId() == null ? null : listing.groupId().value(),
          listing.groupName(),
          listing.mergedInto() == null ? null : listing.mergedInto().value(),
          listing.partnerships());
    }
    return csv.toString();
  }
}
