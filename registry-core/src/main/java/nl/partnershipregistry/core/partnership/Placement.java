package nl.partnershipregistry.core.partnership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;

/**
 * Places facts whose dates overlap in the order that lets them fit, so that a fact is out of order
 * only when it is so under every reading of the dates' precision, circa or bounds.
 *
 * <p>Laid out by the first day of their dates, a fact dated 2018 would stand before a registration
 * in February 2018, and a commitment dated 2018-05 after a partner's departure dated 2018. Yet
 * "2018" may well mean March, and "left in 2018" may mean December. Two moves, each within the
 * moved fact's own period, settle this:
 *
 * <ul>
 *   <li>A fact that needs something another fact brings about (the registration, an active partner,
 *       the commitment, funding, activity, cohort or key person it is about, established
 *       governance, a discontinuation to revive, a departure to join again, a revival to be
 *       discontinued again) and finds it missing where it was laid out follows the first fact not
 *       yet placed that brings it about and may precede it under some reading of both dates: one
 *       within its own period, or one dated circa or only by a bound that reaches back into it (an
 *       evaluation in 2015 follows a registration known only to have happened by 2015), or one that
 *       itself waits for such a fact.
 *   <li>A fact that ends something (a partner's departure, a discontinuation) follows the later
 *       facts counted from a day within its own period that still need what it ends and may happen
 *       before it under some reading (a commitment circa December 2018 of a partner who left in
 *       2018), unless a fact already waits for it; a fact that needs it to have ended (a join
 *       again, a revival) takes it along at once.
 * </ul>
 *
 * <p>Facts that fit where they were laid out stay there, and a fact that fits nowhere in its period
 * stays where it was laid out, so that the rules refuse it. The placement is greedy: each fact
 * follows the first fact it can follow, which decides a fact and the one fact of overlapping date
 * it depends on by the rule above, and the usual chains of more; it is deterministic, because it
 * depends only on the laid-out order (see decision 15 in {@code docs/decisions.md}).
 */
final class Placement {

  // What each kind of fact needs and brings about is in FactKinds, which the rules read too.

  private final List<PartnershipFact> laidOut;
  private final List<List<FactKinds.Condition>> needs = new ArrayList<>();
  private final List<List<FactKinds.Condition>> effects = new ArrayList<>();
  private final boolean[] placed;
  private final List<PartnershipFact> timeline = new ArrayList<>();
  private final Map<String, Boolean> state = new HashMap<>();

  /** Facts (by laid-out index) waiting for a fact to be placed, in the order they began to wait. */
  private final Map<Integer, List<Integer>> waiting = new HashMap<>();

  /** Ends held back, by laid-out index, with the facts they wait for. */
  private final TreeMap<Integer, TreeSet<Integer>> held = new TreeMap<>();

  /** The earliest day any fact from each laid-out index on may stand for. */
  private final LocalDate[] earliestFrom;

  /** The latest day counted from of the facts placed so far. */
  private LocalDate position = LocalDate.MIN;

  private Placement(List<PartnershipFact> laidOut) {
    this.laidOut = laidOut;
    this.placed = new boolean[laidOut.size()];
    this.earliestFrom = new LocalDate[laidOut.size()];
    LocalDate earliest = LocalDate.MAX;
    for (int index = laidOut.size() - 1; index >= 0; index--) {
      LocalDate own = laidOut.get(index).occurredOn().earliest();
      earliest = own.isBefore(earliest) ? own : earliest;
      earliestFrom[index] = earliest;
    }
    Map<CommitmentId, CommitmentId> renewed = new HashMap<>();
    Map<CommitmentId, OrganisationId> partnerOf = new HashMap<>();
    for (PartnershipFact fact : laidOut) {
      if (fact instanceof CommitmentRecorded commitment) {
        partnerOf.putIfAbsent(commitment.commitmentId(), commitment.organisationId());
      } else if (fact instanceof CommitmentRenewed renewal) {
        renewed.putIfAbsent(renewal.renewalId(), renewal.commitmentId());
      }
    }
    FactKinds.Context context =
        commitment -> Optional.ofNullable(partner(renewed, partnerOf, commitment));
    for (PartnershipFact fact : laidOut) {
      needs.add(FactKinds.needs(fact, context));
      effects.add(FactKinds.effects(fact));
    }
  }

  /** The facts, laid out by first day, kind, precision and recording order, placed to fit. */
  static List<PartnershipFact> place(List<PartnershipFact> laidOut) {
    return new Placement(laidOut).place();
  }

  private List<PartnershipFact> place() {
    for (int index = 0; index < laidOut.size(); index++) {
      consider(index);
    }
    while (!held.isEmpty()) {
      put(held.pollFirstEntry().getKey());
    }
    for (int index = 0; index < laidOut.size(); index++) {
      if (!placed[index]) {
        put(index);
      }
    }
    return timeline;
  }

  private void consider(int index) {
    for (FactKinds.Condition need : needs.get(index)) {
      if (holds(need)) {
        continue;
      }
      Integer end = heldEndBringingAbout(need);
      if (end != null) {
        held.remove(end);
        put(end);
        continue;
      }
      int provider = provider(index, need);
      if (provider >= 0) {
        waiting.computeIfAbsent(provider, p -> new ArrayList<>()).add(index);
        return;
      }
    }
    TreeSet<Integer> stillNeeding = laterNeeding(index);
    if (!stillNeeding.isEmpty() && !waiting.containsKey(index)) {
      held.put(index, stillNeeding);
      return;
    }
    put(index);
  }

  private void put(int index) {
    PartnershipFact fact = laidOut.get(index);
    LocalDate at = max(position, fact.occurredOn().countsFrom());
    while (!held.isEmpty() && endsBefore(held.firstKey(), at)) {
      put(held.pollFirstEntry().getKey());
    }
    timeline.add(fact);
    placed[index] = true;
    position = at;
    for (FactKinds.Condition effect : effects.get(index)) {
      state.put(effect.name(), effect.holds());
    }
    List<Integer> waiters = waiting.remove(index);
    if (waiters != null) {
      waiters.stream().sorted().forEach(this::consider);
    }
    List<Integer> released = new ArrayList<>();
    for (Map.Entry<Integer, TreeSet<Integer>> end : held.entrySet()) {
      end.getValue().remove(index);
      if (end.getValue().isEmpty()) {
        released.add(end.getKey());
      }
    }
    for (Integer end : released) {
      if (held.remove(end) != null) {
        put(end);
      }
    }
  }

  private boolean holds(FactKinds.Condition condition) {
    return state.getOrDefault(condition.name(), false) == condition.holds();
  }

  private boolean endsBefore(int index, LocalDate day) {
    return laidOut.get(index).occurredOn().latest().isBefore(day);
  }

  /** A held end that brings the condition about, or null. */
  private Integer heldEndBringingAbout(FactKinds.Condition need) {
    for (Integer end : held.keySet()) {
      if (effects.get(end).contains(need)) {
        return end;
      }
    }
    return null;
  }

  /**
   * The fact not yet placed that brings the need about and may precede this fact under some reading
   * of both dates; -1 if there is none. A fact already waiting for another comes first (the
   * earliest laid out), so that a chain of facts waits for the bounded fact at its head; then the
   * first such fact laid out after this one.
   */
  private int provider(int index, FactKinds.Condition need) {
    FactDate date = laidOut.get(index).occurredOn();
    int waitingProvider = Integer.MAX_VALUE;
    for (List<Integer> waiters : waiting.values()) {
      for (int waiter : waiters) {
        if (waiter != index
            && waiter < waitingProvider
            && effects.get(waiter).contains(need)
            && mayPrecede(laidOut.get(waiter).occurredOn(), date)) {
          waitingProvider = waiter;
        }
      }
    }
    if (waitingProvider != Integer.MAX_VALUE) {
      return waitingProvider;
    }
    int first = index;
    while (first > 0
        && laidOut.get(first - 1).occurredOn().countsFrom().equals(date.countsFrom())) {
      first--;
    }
    for (int other = first; other < laidOut.size(); other++) {
      if (earliestFrom[other].isAfter(date.latest())) {
        return -1;
      }
      if (other != index
          && !placed[other]
          && effects.get(other).contains(need)
          && mayPrecede(laidOut.get(other).occurredOn(), date)) {
        return other;
      }
    }
    return -1;
  }

  /**
   * The facts laid out after an end, counted from a day within its period and able to happen before
   * it under some reading, that need what it ends, up to the first fact that needs it to have
   * ended; empty when the fact ends nothing that holds.
   */
  private TreeSet<Integer> laterNeeding(int index) {
    TreeSet<Integer> needing = new TreeSet<>();
    FactDate date = laidOut.get(index).occurredOn();
    for (FactKinds.Condition effect : effects.get(index)) {
      if (effect.holds() || !state.getOrDefault(effect.name(), false)) {
        continue;
      }
      FactKinds.Condition ended = effect.holding();
      for (int later = index + 1; later < laidOut.size(); later++) {
        FactDate other = laidOut.get(later).occurredOn();
        if (other.countsFrom().isAfter(date.latest()) || needs.get(later).contains(effect)) {
          break;
        }
        if (!placed[later] && needs.get(later).contains(ended) && mayPrecede(other, date)) {
          needing.add(later);
        }
      }
    }
    return needing;
  }

  /** True when a fact dated {@code before} may have happened by the end of {@code date}. */
  private static boolean mayPrecede(FactDate before, FactDate date) {
    return !before.earliest().isAfter(date.latest());
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The partner whose commitment a commitment renews, following renewals back; null if none. */
  private static OrganisationId partner(
      Map<CommitmentId, CommitmentId> renewed,
      Map<CommitmentId, OrganisationId> partnerOf,
      CommitmentId commitment) {
    CommitmentId current = commitment;
    for (int step = 0; step <= renewed.size() && current != null; step++) {
      OrganisationId partner = partnerOf.get(current);
      if (partner != null) {
        return partner;
      }
      current = renewed.get(current);
    }
    return null;
  }
}
