package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.DELIVERY_THRESHOLD;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.amount;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.count;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.percent;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.LedgerAnswers;

/**
 * Do partners deliver: the fulfilment rate of settled commitments against a threshold, undecided
 * where approximate amounts leave it on both sides.
 */
public final class PartnerDeliveryCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.PARTNER_DELIVERY;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    String rule =
        "holds when the fulfilment rate of settled commitments (partial deliveries pro rata,"
            + " renewals left out) is at least "
            + percent(DELIVERY_THRESHOLD)
            + "; at risk below; unknown while none is settled, and when an approximate amount"
            + " (read as up to "
            + percent(LedgerAnswers.APPROXIMATE_MARGIN)
            + " either way) or a lower bound leaves the rate on both sides of the threshold";
    List<CommitmentLedger.Line> lines = LedgerAnswers.lines(partnership.commitments());
    CommitmentLedger.Totals totals = LedgerAnswers.totals(lines);
    List<FactId> facts = new ArrayList<>();
    lines.stream()
        .filter(l -> l.status() != CommitmentLedger.Status.OPEN)
        .forEach(l -> facts.addAll(l.factIds()));
    LedgerAnswers.RateRange range = LedgerAnswers.fulfilmentRange(lines);
    if (range == null) {
      return indicator(
          Condition.PARTNER_DELIVERY,
          finding(
              Condition.PARTNER_DELIVERY,
              "noneSettled",
              count(totals.commitments(), "commitment", "commitments")),
          rule,
          UNKNOWN,
          facts);
    }
    Object rate =
        range.isExact()
            ? new Finding.Percent(range.low())
            : finding(
                Condition.PARTNER_DELIVERY,
                "between",
                new Finding.Percent(range.low()),
                new Finding.Percent(range.high()));
    Verdict verdict;
    if (range.low().compareTo(DELIVERY_THRESHOLD) >= 0) {
      verdict = HOLDS;
    } else if (range.high().compareTo(DELIVERY_THRESHOLD) < 0) {
      verdict = AT_RISK;
    } else {
      verdict = UNKNOWN;
    }
    return indicator(
        Condition.PARTNER_DELIVERY,
        finding(
            Condition.PARTNER_DELIVERY,
            "rate",
            rate,
            totals.fulfilled(),
            totals.partiallyFulfilled(),
            totals.broken(),
            totals.withdrawn(),
            totals.open(),
            deliveredByUnit(totals.byUnit())),
        rule,
        verdict,
        facts);
  }

  /**
   * {@code ; delivered 26 of 40 PLACES (65%)} for each unit in which something was due; nothing (an
   * empty string) when nothing was.
   */
  private static Object deliveredByUnit(List<CommitmentLedger.UnitTotals> units) {
    List<Finding> delivered = new ArrayList<>();
    for (CommitmentLedger.UnitTotals unit : units) {
      if (unit.deliveryRate() != null) {
        delivered.add(
            finding(
                Condition.PARTNER_DELIVERY,
                "unit",
                amount(unit.delivered(), unit.deliveredExactness()),
                amount(unit.due(), unit.dueExactness()),
                unit.unit(),
                new Finding.Percent(unit.deliveryRate())));
      }
    }
    return delivered.isEmpty()
        ? ""
        : finding(Condition.PARTNER_DELIVERY, "delivered", Finding.Joined.of(", ", delivered));
  }
}
