package nl.partnershipregistry.projections.query.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds the registry list from partnership summaries. */
public final class RegistryAnswers {

  private RegistryAnswers() {}

  /**
   * The page of the query's matches; {@code organisations} names the partners, so that the text
   * also finds a partnership by the names of its partners up to the valid date, and the partner can
   * be asked for by name.
   */
  public static PartnershipPage page(
      FindPartnerships query,
      TimeSlice slice,
      SummaryTimelines.Summaries summaries,
      OrganisationDirectory organisations) {
    List<SummaryAsOf> all = summaries.all();
    RegistrySearch search =
        RegistrySearch.of(
            query, organisations, summaries.content().partners(), summaries.ownTexts());
    List<Found> matching = new ArrayList<>();
    Map<PartnershipKind, Long> byKind = new EnumMap<>(PartnershipKind.class);
    Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);
    Map<String, Long> byRegion = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Long> bySector = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    long existenceUnknown = 0;
    OwnTexts own = summaries.ownTexts();
    OwnTexts.Columns columns = own.columns();
    long[] kinds = new long[PartnershipKind.values().length];
    long[] phases = new long[Phase.values().length];
    boolean kindAndPhaseOnly = search.asksKindAndPhaseOnly();
    int kindAsked = query.kind() == null ? -1 : query.kind().ordinal();
    int phaseAsked = query.phase() == null ? -1 : query.phase().ordinal();
    for (int i = 0; i < all.size(); i++) {
      // Most partnerships lack some word of a text: passed over without being read.
      if (!search.mayMatch(i) || columns.existence()[i] == NOT_YET_STARTED) {
        continue;
      }
      int kind = columns.kind()[i];
      int phase = columns.phase()[i];
      boolean ofKindAndPhase =
          (kindAsked < 0 || kindAsked == kind) && (phaseAsked < 0 || phaseAsked == phase);
      if (kindAndPhaseOnly) {
        // Asked nothing else, every partnership counts by kind and phase, and one of another kind
        // or phase than asked is not read.
        count(kinds, phases, kind, phase);
        if (!ofKindAndPhase) {
          continue;
        }
      }
      SummaryAsOf summary = all.get(i);
      if (!search.hasPartner(summary)) {
        continue;
      }
      RegistrySearch.Relevance relevance = search.relevance(summary, i);
      if (relevance == null) {
        continue;
      }
      boolean inRegion = search.inRegion(summary);
      boolean inSector = search.inSector(summary);
      if (inRegion && inSector) {
        if (!kindAndPhaseOnly) {
          count(kinds, phases, kind, phase);
        }
        if (ofKindAndPhase) {
          matching.add(new Found(summary, relevance, own.parts(i).sortName()));
          existenceUnknown += summary.existence() == Existence.UNKNOWN ? 1 : 0;
        }
      }
      if (ofKindAndPhase && inSector && summary.region() != null) {
        byRegion.merge(summary.region(), 1L, Long::sum);
      }
      if (ofKindAndPhase && inRegion && summary.sector() != null) {
        bySector.merge(summary.sector(), 1L, Long::sum);
      }
    }
    for (PartnershipKind kind : PartnershipKind.values()) {
      if (kinds[kind.ordinal()] > 0) {
        byKind.put(kind, kinds[kind.ordinal()]);
      }
    }
    for (Phase phase : Phase.values()) {
      if (phases[phase.ordinal()] > 0) {
        byPhase.put(phase, phases[phase.ordinal()]);
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
        bySector,
        existenceUnknown);
  }

  /**
   * A partnership that matches, with how well it matches the text, and its name as sorted (in lower
   * case, made once per summary rather than at every comparison).
   */
  private record Found(SummaryAsOf summary, RegistrySearch.Relevance relevance, String sortName) {}

  /** Counts a partnership by its kind and, if it has one, its phase (ordinals; -1: no phase). */
  private static void count(long[] kinds, long[] phases, int kind, int phase) {
    kinds[kind]++;
    if (phase >= 0) {
      phases[phase]++;
    }
  }

  /** The ordinal of {@link Existence#NOT_YET_STARTED}, as the columns hold it. */
  private static final byte NOT_YET_STARTED = (byte) Existence.NOT_YET_STARTED.ordinal();

  /** The order the query asks for, ties by name and then id (see {@link FindPartnerships.Sort}). */
  private static Comparator<Found> order(FindPartnerships query) {
    Comparator<Found> byName =
        Comparator.comparing(Found::sortName)
            .thenComparing(f -> f.summary().partnershipId().value());
    if (query.sortOrDefault() == FindPartnerships.Sort.RELEVANCE) {
      // Best first; the score is null (all alike) when there is no text.
      Comparator<Found> byScore =
          Comparator.comparing(
              f -> f.relevance().score(), Comparator.nullsLast(Comparator.reverseOrder()));
      return (query.descending() ? byScore.reversed() : byScore).thenComparing(byName);
    }
    if (query.sortOrDefault() == FindPartnerships.Sort.NAME) {
      return query.descending() ? byName.reversed() : byName;
    }
    Comparator<SummaryAsOf> first =
        switch (query.sortOrDefault()) {
          case NAME, RELEVANCE -> throw new IllegalStateException("sorted above");
          case KIND -> Comparator.comparing(SummaryAsOf::kind);
          case PHASE ->
              Comparator.comparing(
                  RegistryAnswers::knownPhase, Comparator.nullsLast(Comparator.naturalOrder()));
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
    return Comparator.comparing(Found::summary, first).thenComparing(byName);
  }

  /** The phase in the lifecycle's order, or null (sorted last either way) while it is unknown. */
  private static Phase knownPhase(SummaryAsOf summary) {
    return summary.phase() == Phase.UNKNOWN ? null : summary.phase();
  }

  private static Comparator<SummaryAsOf> reversedKeepingUnknownLast(
      FindPartnerships.Sort sort, Comparator<SummaryAsOf> ascending) {
    return switch (sort) {
      case PHASE ->
          Comparator.comparing(
              RegistryAnswers::knownPhase, Comparator.nullsLast(Comparator.<Phase>reverseOrder()));
      case START ->
          Comparator.comparing(
              (SummaryAsOf s) -> s.startedOn(), Comparator.nullsLast(Comparator.reverseOrder()));
      default -> ascending.reversed();
    };
  }

  private static PartnershipPage.Listing listing(Found found) {
    SummaryAsOf summary = found.summary();
    return new PartnershipPage.Listing(
        summary.partnershipId(),
        summary.name(),
        summary.kind(),
        summary.existence(),
        summary.region(),
        summary.sector(),
        summary.startKnown() ? summary.startedOn() : null,
        summary.startKnown() ? null : summary.startedOn(),
        summary.phase(),
        summary.phaseSince(),
        summary.activePartners().stream()
            .sorted(Comparator.comparing(OrganisationId::value))
            .toList(),
        found.relevance().score(),
        found.relevance().matchedIn());
  }
}
