package nl.partnershipregistry.core.partnership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Violation;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;

/**
 * The facts of one partnership as the registry knows them: every fact recorded, with corrections
 * applied and retractions taken out, placed on one timeline.
 *
 * <p>The timeline first lays facts out by the first day their date may stand for (a fact dated 2008
 * at 1 January 2008), then by kind, so that on one day a partner joins before it commits, and a
 * commitment is recorded before it is settled and a partner leaves before the partnership is
 * discontinued, then by precision (on one first day, "2008" before "2008-01"), and last by the
 * order in which they were recorded. Where dates overlap, {@link Placement} then moves a fact
 * within its own period so that it fits: a fact dated 2008 follows a registration in February 2008,
 * and a departure dated 2008 follows a commitment of that partner dated May 2008. The write side
 * checks its rules on this timeline and the read side answers questions on it, so both agree; the
 * timeline is therefore ordered by first day only where dates do not overlap.
 *
 * <p>Fed only with the events recorded up to some moment, it is the history as the registry knew it
 * then.
 */
public final class PartnershipHistory {

  private static final Comparator<Entry> TIMELINE =
      Comparator.comparing((Entry e) -> e.fact().occurredOn().countsFrom())
          .thenComparingInt(e -> FactKinds.sameDayRank(e.fact()))
          .thenComparing(e -> e.fact().occurredOn().precision(), Comparator.reverseOrder())
          .thenComparingLong(Entry::sequence);

  private record Entry(long sequence, PartnershipFact fact) {}

  private final Map<FactId, Entry> facts;
  private final Map<FactId, PartnershipEvent> recorded;
  private final Set<FactId> retracted;
  private long nextSequence;

  public PartnershipHistory() {
    this(new LinkedHashMap<>(), new HashMap<>(), new HashSet<>(), 0);
  }

  private PartnershipHistory(
      Map<FactId, Entry> facts,
      Map<FactId, PartnershipEvent> recorded,
      Set<FactId> retracted,
      long nextSequence) {
    this.facts = facts;
    this.recorded = recorded;
    this.retracted = retracted;
    this.nextSequence = nextSequence;
  }

  /** Takes any event of the partnership's history, in the order it was recorded. */
  public void add(PartnershipEvent event) {
    recorded.put(event.factId(), event);
    if (event instanceof PartnershipFact fact) {
      facts.put(fact.factId(), new Entry(nextSequence++, fact));
    } else if (event instanceof FactCorrected correction) {
      facts.computeIfPresent(
          correction.correctedFactId(),
          (id, entry) -> new Entry(entry.sequence(), correction.replacement()));
    } else if (event instanceof FactRetracted retraction) {
      facts.remove(retraction.retractedFactId());
      retracted.add(retraction.retractedFactId());
    }
  }

  /** A copy of this history with one more event: what the history would be if it were recorded. */
  public PartnershipHistory with(PartnershipEvent event) {
    PartnershipHistory copy =
        new PartnershipHistory(
            new LinkedHashMap<>(facts),
            new HashMap<>(recorded),
            new HashSet<>(retracted),
            nextSequence);
    copy.add(event);
    return copy;
  }

  /** The event recorded under a fact id, as it was recorded (before any correction). */
  public Optional<PartnershipEvent> recorded(FactId factId) {
    return Optional.ofNullable(recorded.get(factId));
  }

  /**
   * The fact as the registry knows it now: corrected where it was corrected, empty if retracted.
   */
  public Optional<PartnershipFact> fact(FactId factId) {
    return Optional.ofNullable(facts.get(factId)).map(Entry::fact);
  }

  public boolean isRetracted(FactId factId) {
    return retracted.contains(factId);
  }

  public boolean isEmpty() {
    return recorded.isEmpty();
  }

  /**
   * The rules this history breaks, as the partnership's rules judge it ({@link HistoryCheck});
   * empty for a history the registry accepts.
   */
  public List<Violation> violations() {
    return HistoryCheck.violations(this);
  }

  /** The registration as known (corrections applied), whatever its date. */
  public Optional<PartnershipRegistered> registration() {
    for (Entry entry : facts.values()) {
      if (entry.fact() instanceof PartnershipRegistered registered) {
        return Optional.of(registered);
      }
    }
    return Optional.empty();
  }

  /** The known facts in timeline order: laid out by their dates, then placed so that they fit. */
  public List<PartnershipFact> timeline() {
    List<Entry> entries = new ArrayList<>(facts.values());
    entries.sort(TIMELINE);
    return List.copyOf(Placement.place(entries.stream().map(Entry::fact).toList()));
  }
}
