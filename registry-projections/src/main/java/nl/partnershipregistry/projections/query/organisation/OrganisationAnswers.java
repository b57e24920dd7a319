package nl.partnershipregistry.projections.query.organisation;

import static nl.partnershipregistry.projections.query.common.PlainText.plain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory.OrganisationAsOf;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.query.ledger.TrackRecord;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds the list of organisations and an organisation's profile from the directory. */
public final class OrganisationAnswers {

  private OrganisationAnswers() {}

  public static OrganisationPage page(
      FindOrganisations query,
      TimeSlice slice,
      OrganisationDirectory organisations,
      List<SummaryAsOf> summaries) {
    String needle = query.text() == null || query.text().isBlank() ? null : plain(query.text());
    List<OrganisationAsOf> matching = new ArrayList<>();
    Map<OrganisationType, Long> byType = new EnumMap<>(OrganisationType.class);
    for (OrganisationAsOf organisation : organisations.all()) {
      if ((needle != null && !matches(organisation, needle))
          || (query.group() != null
              && !query.group().equals(organisation.groupId())
              && !query.group().equals(organisation.organisationId()))) {
        continue;
      }
      if (organisation.type() != null) {
        byType.merge(organisation.type(), 1L, Long::sum);
      }
      if (query.type() == null || query.type() == organisation.type()) {
        matching.add(organisation);
      }
    }
    matching.sort(
        Comparator.comparing((OrganisationAsOf o) -> plain(o.name()))
            .thenComparing(o -> o.organisationId().value()));
    Map<OrganisationId, Integer> partnerships = new HashMap<>();
    for (SummaryAsOf summary : summaries) {
      if (summary.hasStarted()) {
        summary.everPartners().forEach(p -> partnerships.merge(p, 1, Integer::sum));
      }
    }
    int size = query.sizeOrDefault();
    int from = Math.min(matching.size(), query.pageOrDefault() * size);
    int to = Math.min(matching.size(), from + size);
    List<OrganisationPage.Listing> items =
        matching.subList(from, to).stream()
            .map(
                o ->
                    new OrganisationPage.Listing(
                        o.organisationId(),
                        o.name(),
                        o.names().stream()
                            .limit(Math.max(0, o.names().size() - 1))
                            .map(OrganisationDirectory.Name::name)
                            .toList(),
                        o.type(),
                        o.schoolLevel(),
                        o.groupId(),
                        o.groupId() == null ? null : organisations.nameOf(o.groupId()),
                        o.mergedInto(),
                        o.mergedInto() == null ? null : organisations.nameOf(o.mergedInto()),
                        partnerships.getOrDefault(o.organisationId(), 0)))
            .toList();
    return new OrganisationPage(
        slice.asOf(),
        slice.asKnownOn(),
        items,
        query.pageOrDefault(),
        size,
        matching.size(),
        byType);
  }

  /** A name or id contains the text, whatever the case and accents ("Ecole" finds "École"). */
  private static boolean matches(OrganisationAsOf organisation, String needle) {
    if (plain(organisation.organisationId().value()).contains(needle)) {
      return true;
    }
    return organisation.names().stream().anyMatch(n -> plain(n.name()).contains(needle));
  }

  /**
   * The organisation's profile; {@code records} are its partnerships, each with the organisation's
   * own participations only (the track record's reading with the organisation alone counted).
   */
  public static OrganisationProfile profile(
      OrganisationId id,
      TimeSlice slice,
      OrganisationDirectory organisations,
      List<TrackRecord.PartnershipRecord> records) {
    OrganisationAsOf known = organisations.find(id).orElse(null);
    List<OrganisationProfile.Participation> partnerships = new ArrayList<>();
    records.stream()
        .sorted(
            Comparator.comparing((TrackRecord.PartnershipRecord r) -> plain(r.name()))
                .thenComparing(r -> r.partnershipId().value()))
        .forEach(
            r ->
                r.participations().stream()
                    .filter(p -> p.organisationId().equals(id))
                    .forEach(
                        p ->
                            partnerships.add(
                                new OrganisationProfile.Participation(
                                    r.partnershipId(),
                                    r.name(),
                                    r.phase(),
                                    p.role(),
                                    p.joinedOn(),
                                    p.leftOn()))));
    if (known == null) {
      return new OrganisationProfile(
          id,
          slice.asOf(),
          slice.asKnownOn(),
          false,
          id.value(),
          List.of(),
          null,
          null,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          List.of(),
          partnerships);
    }
    return new OrganisationProfile(
        id,
        slice.asOf(),
        slice.asKnownOn(),
        true,
        known.name(),
        known.names().stream().map(n -> new OrganisationProfile.Name(n.name(), n.since())).toList(),
        known.type(),
        known.schoolLevel(),
        known.groupId(),
        known.groupId() == null ? null : organisations.nameOf(known.groupId()),
        known.memberships().stream()
            .map(
                m ->
                    new OrganisationProfile.Membership(
                        m.groupId(), organisations.nameOf(m.groupId()), m.joinedOn(), m.leftOn()))
            .toList(),
        known.mergedInto(),
        known.mergedInto() == null ? null : organisations.nameOf(known.mergedInto()),
        known.mergedOn(),
        organisations.mergedInto(id).stream()
            .map(other -> new OrganisationProfile.Related(other, organisations.nameOf(other)))
            .toList(),
        partnerships);
  }
}
