package nl.partnershipregistry.projections.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.Phase;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds the registry list from partnership summaries. */
final class RegistryAnswers {

  private RegistryAnswers() {}

  /**
   * The page of the query's matches; {@code organisations} names the partners, so that the text
   * also finds a partnership by the name of any of its partners up to the valid date.
   */
  static PartnershipPage page(
      FindPartnerships query,
      TimeSlice slice,
      List<SummaryAsOf> all,
      OrganisationDirectory organisations) {
    List<SummaryAsOf> matching = new ArrayList<>();
    Map<PartnershipKind, Long> byKind = new EnumMap<>(PartnershipKind.class);
    Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);
    for (SummaryAsOf summary : all) {
      if (!summary.hasStarted() || !matchesOutsideFacets(query, summary, organisations)) {
        continue;
      }
      byKind.merge(summary.kind(), 1L, Long::sum);
      byPhase.merge(summary.phase(), 1L, Long::sum);
      if ((query.kind() == null || query.kind() == summary.kind())
          && (query.phase() == null || query.phase() == summary.phase())) {
        matching.add(summary);
      }
    }
    matching.sort(
        Comparator.comparing((SummaryAsOf s) -> s.name().toLowerCase(Locale.ROOT))
            .thenComparing(s -> s.partnershipId().value()));
    int size = query.sizeOrDefault();
    int from = Math.min(matching.size(), query.pageOrDefault() * size);
    int to = Math.min(matching.size(), from + size);
    List<PartnershipPage.Listing> items =
        matching.subList(from, to).stream().map(RegistryAnswers::listing).toList();
    return new PartnershipPage(
        slice.asOf(),
        slice.asKnownOn(),
        items,
        query.pageOrDefault(),
        size,
        matching.size(),
        byKind,
        byPhase);
  }

  private static boolean matchesOutsideFacets(
      FindPartnerships query, SummaryAsOf summary, OrganisationDirectory organisations) {
    return (query.region() == null || query.region().equalsIgnoreCase(summary.region()))
        && (query.sector() == null || query.sector().equalsIgnoreCase(summary.sector()))
        && (query.partner() == null || summary.everPartners().contains(query.partner()))
        && (query.text() == null
            || query.text().isBlank()
            || containsText(summary, query.text(), organisations));
  }

  private static boolean containsText(
      SummaryAsOf summary, String text, OrganisationDirectory organisations) {
    String needle = text.strip().toLowerCase(Locale.ROOT);
    for (OrganisationId partner : summary.everPartners()) {
      if (organisations.nameOf(partner).toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    for (String haystack :
        new String[] {
          summary.name(),
          summary.goal(),
          summary.region(),
          summary.sector(),
          summary.partnershipId().value()
        }) {
      if (haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static PartnershipPage.Listing listing(SummaryAsOf summary) {
    return new PartnershipPage.Listing(
        summary.partnershipId(),
        summary.name(),
        summary.kind(),
        summary.region(),
        summary.sector(),
        summary.startKnown() ? summary.startedOn() : null,
        summary.startKnown() ? null : summary.startedOn(),
        summary.phase(),
        summary.phaseSince(),
        summary.activePartners().stream()
            .sorted(Comparator.comparing(OrganisationId::value))
            .toList());
  }
}
