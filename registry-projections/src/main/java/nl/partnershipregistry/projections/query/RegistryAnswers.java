package nl.partnershipregistry.projections.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
    Map<String, Long> byRegion = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Long> bySector = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (SummaryAsOf summary : all) {
      if (!summary.hasStarted() || !matchesText(query, summary, organisations)) {
        continue;
      }
      boolean ofKindAndPhase =
          (query.kind() == null || query.kind() == summary.kind())
              && (query.phase() == null || query.phase() == summary.phase());
      boolean inRegion = same(query.region(), summary.region());
      boolean inSector = same(query.sector(), summary.sector());
      if (inRegion && inSector) {
        byKind.merge(summary.kind(), 1L, Long::sum);
        byPhase.merge(summary.phase(), 1L, Long::sum);
        if (ofKindAndPhase) {
          matching.add(summary);
        }
      }
      if (ofKindAndPhase && inSector && summary.region() != null) {
        byRegion.merge(summary.region(), 1L, Long::sum);
      }
      if (ofKindAndPhase && inRegion && summary.sector() != null) {
        bySector.merge(summary.sector(), 1L, Long::sum);
      }
    }
    matching.sort(order(query));
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
        byPhase,
        byRegion,
        bySector);
  }

  /** The order the query asks for, ties by name and then id (see {@link FindPartnerships.Sort}). */
  private static Comparator<SummaryAsOf> order(FindPartnerships query) {
    Comparator<SummaryAsOf> byName =
        Comparator.comparing((SummaryAsOf s) -> s.name().toLowerCase(Locale.ROOT))
            .thenComparing(s -> s.partnershipId().value());
    Comparator<SummaryAsOf> first =
        switch (query.sortOrDefault()) {
          case NAME -> byName;
          case KIND -> Comparator.comparing(SummaryAsOf::kind);
          case PHASE ->
              Comparator.comparing(
                  SummaryAsOf::phase, Comparator.nullsLast(Comparator.naturalOrder()));
          case START ->
              Comparator.comparing(
                  (SummaryAsOf s) -> s.startedOn(),
                  Comparator.nullsLast(Comparator.naturalOrder()));
          case ACTIVE_PARTNERS -> Comparator.comparingInt(s -> s.activePartners().size());
        };
    if (query.descending()) {
      first = reversedKeepingUnknownLast(query.sortOrDefault(), first);
    }
    if (query.sortOrDefault() == FindPartnerships.Sort.START) {
      // Dated starts before starts known only as "existing by", whatever the direction.
      first =
          Comparator.comparing(
                  (SummaryAsOf s) -> s.startedOn() == null ? 2 : s.startKnown() ? 0 : 1)
              .thenComparing(first);
    }
    return first.thenComparing(byName);
  }

  private static Comparator<SummaryAsOf> reversedKeepingUnknownLast(
      FindPartnerships.Sort sort, Comparator<SummaryAsOf> ascending) {
    return switch (sort) {
      case PHASE ->
          Comparator.comparing(
              SummaryAsOf::phase, Comparator.nullsLast(Comparator.<Phase>reverseOrder()));
      case START ->
          Comparator.comparing(
              (SummaryAsOf s) -> s.startedOn(), Comparator.nullsLast(Comparator.reverseOrder()));
      default -> ascending.reversed();
    };
  }

  private static boolean same(String wanted, String value) {
    return wanted == null || wanted.equalsIgnoreCase(value);
  }

  private static boolean matchesText(
      FindPartnerships query, SummaryAsOf summary, OrganisationDirectory organisations) {
    return (query.partner() == null || summary.everPartners().contains(query.partner()))
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
