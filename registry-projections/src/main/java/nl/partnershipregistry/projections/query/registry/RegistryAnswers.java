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
    OwnTexts own = summaries.ownTexts();
    RegistrySearch search =
        RegistrySearch.of(query, organisations, summaries.content().partners(), own);
    OwnTexts.Columns columns = own.columns();
    int[] nameRanks = own.nameRanks();
    List<Found> matching = new ArrayList<>();
    long existenceUnknown = 0;
    long[] kinds = new long[PartnershipKind.values().length];
    long[] phases = new long[Phase.values().length];
    Tally regions = new Tally(columns.regions());
    Tally sectors = new Tally(columns.sectors());
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
      int score = search.score(summary, i);
      if (score == RegistrySearch.NO_MATCH) {
        continue;
      }
      boolean inRegion = search.inRegion(summary);
      boolean inSector = search.inSector(summary);
      if (inRegion && inSector) {
        if (!kindAndPhaseOnly) {
          count(kinds, phases, kind, phase);
        }
        if (ofKindAndPhase) {
          matching.add(new Found(summary, i, score, nameRanks[i]));
          existenceUnknown += columns.existence()[i] == EXISTENCE_UNKNOWN ? 1 : 0;
        }
      }
      if (ofKindAndPhase && inSector) {
        regions.count(columns.region()[i]);
      }
      if (ofKindAndPhase && inRegion) {
        sectors.count(columns.sector()[i]);
      }
    }
    Map<PartnershipKind, Long> byKind = new EnumMap<>(PartnershipKind.class);
    for (PartnershipKind kind : PartnershipKind.values()) {
      if (kinds[kind.ordinal()] > 0) {
        byKind.put(kind, kinds[kind.ordinal()]);
      }
    }
    Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);
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
        matching.subList(from, to).stream().map(found -> listing(found, search)).toList();
    return new PartnershipPage(
        slice.asOf(),
        slice.asKnownOn(),
        items,
        query.pageOrDefault(),
        size,
        matching.size(),
        byKind,
        byPhase,
        regions.byValue(),
        sectors.byValue(),
        existenceUnknown);
  }

  /**
   * A partnership that matches, with its place among the summaries, how well it matches the text (0
   * for all when there is none), and its place in the order of names ({@link OwnTexts#nameRanks}).
   */
  private record Found(SummaryAsOf summary, int index, int score, int nameRank) {}

  /**
   * The matches counted by region or by sector: by the value's place among {@code values} ({@link
   * OwnTexts.Columns}), told as counts by value; values that differ only in case are counted as
   * one, under the spelling most of their matches have (between equals, the first in Unicode
   * order).
   */
  private static final class Tally {
    private final List<String> values;
    private final long[] counts;
    private final int[] counted;
    private int distinct;

    Tally(List<String> values) {
      this.values = values;
      this.counts = new long[values.size()];
      this.counted = new int[values.size()];
    }

    /** Counts a match of the value at {@code place} (-1: it has none, not counted). */
    void count(int place) {
      if (place < 0) {
        return;
      }
      if (counts[place]++ == 0) {
        counted[distinct++] = place;
      }
    }

    Map<String, Long> byValue() {
      List<Integer> spellings = new ArrayList<>(distinct);
      for (int i = 0; i < distinct; i++) {
        spellings.add(counted[i]);
      }
      // The first spelling merged of values alike but for case names them.
      spellings.sort(
          Comparator.comparingLong((Integer place) -> -counts[place]).thenComparing(values::get));
      Map<String, Long> byValue = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int place : spellings) {
        byValue.merge(values.get(place), counts[place], Long::sum);
      }
      return byValue;
    }
  }

  /** Counts a partnership by its kind and, if it has one, its phase (ordinals; -1: no phase). */
  private static void count(long[] kinds, long[] phases, int kind, int phase) {
    kinds[kind]++;
    if (phase >= 0) {
      phases[phase]++;
    }
  }

  /** The ordinal of {@link Existence#NOT_YET_STARTED}, as the columns hold it. */
  private static final byte NOT_YET_STARTED = (byte) Existence.NOT_YET_STARTED.ordinal();

  /** The ordinal of {@link Existence#UNKNOWN}, as the columns hold it. */
  private static final byte EXISTENCE_UNKNOWN = (byte) Existence.UNKNOWN.ordinal();

  /** The order the query asks for, ties by name and then id (see {@link FindPartnerships.Sort}). */
  private static Comparator<Found> order(FindPartnerships query) {
    Comparator<Found> byName = Comparator.comparingInt(Found::nameRank);
    if (query.sortOrDefault() == FindPartnerships.Sort.RELEVANCE) {
      // Best first; the score is 0 (all alike) when there is no text.
      Comparator<Found> byScore = Comparator.comparingInt((Found f) -> f.score()).reversed();
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

  /** The partnership as listed: where the text was found told for it alone, on the page. */
  private static PartnershipPage.Listing listing(Found found, RegistrySearch search) {
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
        search.hasText() ? found.score() : null,
        search.matchedIn(summary, found.index()));
  }
}
