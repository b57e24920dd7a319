package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
import nl.partnershipregistry.core.partnership.event.FundingEnded;
import nl.partnershipregistry.core.partnership.event.KeyPersonLeft;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;

/**
 * Why did it end: the coded reason of a discontinuation and the facts of the 24 months before;
 * holds while it runs.
 */
public final class EndingCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.ENDING;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    String rule =
        "holds while the partnership runs, and when it ended because its goals were achieved or"
            + " it was merged into or absorbed by a successor; at risk when it ended for any other"
            + " reason; the value gives the coded reason and the facts of the 24 months before";
    Optional<PartnershipDiscontinued> ended = partnership.discontinuation();
    if (ended.isEmpty()) {
      List<FactId> facts =
          partnership.currentPhase().map(p -> List.of(p.factId())).orElse(List.of());
      return indicator(
          Condition.ENDING,
          partnership
              .currentPhase()
              .map(p -> running(partnership, p))
              .orElseGet(() -> finding(Condition.ENDING, "notStarted")),
          rule,
          partnership.hasStarted() ? HOLDS : UNKNOWN,
          facts);
    }
    PartnershipDiscontinued d = ended.get();
    LocalDate from = d.occurredOn().countsFrom().minusMonths(24);
    List<FactId> facts = new ArrayList<>();
    List<Finding> chain = new ArrayList<>();
    for (PartnershipFact fact : partnership.applied()) {
      if (fact.occurredOn().countsFrom().isBefore(from) || fact == d) {
        continue;
      }
      Finding step = step(fact);
      if (step != null && !fact.occurredOn().countsFrom().isAfter(d.occurredOn().countsFrom())) {
        chain.add(step);
        facts.add(fact.factId());
      }
    }
    facts.add(d.factId());
    boolean benign =
        d.reason() == DiscontinuationReason.GOALS_ACHIEVED
            || (d.reason() == DiscontinuationReason.MERGED_OR_ABSORBED && d.successor() != null);
    return indicator(
        Condition.ENDING, discontinued(d, chain), rule, benign ? HOLDS : AT_RISK, facts);
  }

  /** {@code discontinued 2015-09: ECONOMIC_DOWNTURN (...); before it: ...}. */
  private static Finding discontinued(PartnershipDiscontinued d, List<Finding> chain) {
    Object before =
        chain.isEmpty() ? "" : finding(Condition.ENDING, "before", Finding.Joined.of("; ", chain));
    return d.explanation() == null
        ? finding(Condition.ENDING, "discontinued", d.occurredOn(), d.reason(), before)
        : finding(
            Condition.ENDING,
            "discontinuedExplained",
            d.occurredOn(),
            d.reason(),
            d.explanation(),
            before);
  }

  /** A step towards the end, with its date: {@code 2015-03 partner huisman left}. */
  private static Finding step(PartnershipFact fact) {
    if (fact instanceof PartnerLeft left) {
      return step(fact, left.organisationId().value());
    } else if (fact instanceof KeyPersonLeft left) {
      return step(fact, left.keyPersonId().value());
    } else if (fact instanceof FundingEnded ended) {
      return step(fact, ended.fundingId().value());
    } else if (fact instanceof PhaseChanged phase) {
      return step(fact, phase.phase());
    } else if (fact instanceof CommitmentBroken broken) {
      return step(fact, broken.commitmentId().value());
    } else if (fact instanceof CommitmentWithdrawn withdrawn) {
      return step(fact, withdrawn.commitmentId().value());
    } else if (fact instanceof ActivityEnded ended) {
      return step(fact, ended.activityId().value());
    }
    return null;
  }

  private static Finding step(PartnershipFact fact, Object what) {
    return finding(
        Condition.ENDING, "step." + fact.getClass().getSimpleName(), fact.occurredOn(), what);
  }

  /**
   * The phase it runs in; while no source names one, that it runs without a known phase, and since
   * when it is known to exist when no source dates its start.
   */
  private static Finding running(PartnershipAsOf partnership, PartnershipAsOf.PhasePeriod phase) {
    if (phase.phase() != Phase.UNKNOWN) {
      return finding(Condition.ENDING, "running", phase.phase(), phase.since());
    }
    boolean startUnknown = partnership.registration().filter(r -> !r.startKnown()).isPresent();
    return startUnknown
        ? finding(Condition.ENDING, "runningWithoutPhase", phase.since().saidAfterBy())
        : finding(Condition.ENDING, "runningPhaseUnknown", phase.since());
  }
}
