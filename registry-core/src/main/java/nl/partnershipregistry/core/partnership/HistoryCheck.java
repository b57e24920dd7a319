package nl.partnershipregistry.core.partnership;

import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.core.common.ContradictsRecordedFact;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Violation;
import nl.partnershipregistry.core.partnership.PartnershipPolicies.Policy;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;

/**
 * Walks a partnership's timeline once through the one fold of its history ({@link PartnershipAsOf})
 * and lists every fact that contradicts the facts before it: before applying a fact, every policy
 * of {@link PartnershipPolicies#ALL} judges it against the state so far.
 *
 * <p>Because facts may be recorded in any order, years after they happened, a new fact is judged by
 * the whole history it would join: the aggregate refuses a command when the history with its fact
 * has a violation that the history without it had not. The violation is the fact's own when the
 * fact itself does not fit (a commitment of a partner that had not joined yet); it is another
 * fact's when the new fact pulls the ground from under it (a departure dated before a commitment
 * the partner made).
 */
final class HistoryCheck {

  private HistoryCheck() {}

  static List<Violation> violations(PartnershipHistory history) {
    List<PartnershipFact> timeline = history.timeline();
    Breaches breaches = new Breaches(timeline);
    PartnershipAsOf.Step walk = PartnershipAsOf.walkFromTheStart();
    PartnershipAsOf state = walk.state();
    for (PartnershipFact fact : timeline) {
      PartnershipAsOf before = state;
      FactKinds.Context context =
          commitment ->
              Optional.ofNullable(before.commitment(commitment))
                  .map(PartnershipAsOf.Commitment::organisationId);
      breaches.judge(fact, FactKinds.needs(fact, context));
      for (Policy policy : PartnershipPolicies.ALL) {
        policy.check(fact, before, breaches);
      }
      if (breaches.noneForCurrent()) {
        walk.take(fact);
        state = walk.state();
      }
    }
    return breaches.violations();
  }

  /**
   * Refuses a change when the history after it breaks a rule ({@code after}, its violations) that
   * the history before it did not ({@code before}); see {@link Violation#requireNoneNew}.
   */
  static void requireNoNewViolations(
      List<Violation> before, List<Violation> after, FactId concerned) {
    Violation.requireNoneNew(before, after, concerned, ContradictsRecordedFact::new);
  }
}
