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
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;

/**
 * Did it survive its subsidy: its phase 12 and 24 months after each subsidy that ended without
 * renewal.
 */
public final class SurvivedSubsidyCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.SURVIVED_SUBSIDY;
  }

  @Override
  public Indicator judge(Judged judged) {
    LocalDate asOf = judged.asOf();
    PartnershipHistory history = judged.history();
    PartnershipAsOf partnership = judged.partnership();
    String rule =
        "holds when the partnership was running 12 months, and where that date has passed 24"
            + " months, after every subsidy that ended without renewal; at risk when it was"
            + " discontinued by then; unknown when no subsidy ended at least 12 months before the"
            + " date";
    List<SubsidyAftermath> aftermaths =
        aftermaths(history, partnership, asOf).stream()
            .filter(a -> a.after12Months() != null)
            .toList();
    if (aftermaths.isEmpty()) {
      return indicator(
          Condition.SURVIVED_SUBSIDY,
          finding(Condition.SURVIVED_SUBSIDY, "noneEnded", asOf),
          rule,
          UNKNOWN,
          List.of());
    }
    List<Finding> parts = new ArrayList<>();
    List<FactId> facts = new ArrayList<>();
    boolean survived = true;
    for (SubsidyAftermath a : aftermaths) {
      facts.addAll(a.factIds());
      survived &=
          a.after12Months() != Phase.DISCONTINUED && a.after24Months() != Phase.DISCONTINUED;
      parts.add(
          finding(
              Condition.SURVIVED_SUBSIDY,
              "subsidy",
              a.subsidy().fundingId().value(),
              a.endedOn(),
              a.after12Months(),
              a.after24Months() == null
                  ? finding(Condition.SURVIVED_SUBSIDY, "notYetKnown")
                  : a.after24Months()));
    }
    return indicator(
        Condition.SURVIVED_SUBSIDY,
        finding(Condition.SURVIVED_SUBSIDY, "subsidies", Finding.Joined.of("; ", parts)),
        rule,
        survived ? HOLDS : AT_RISK,
        facts);
  }

  /** A subsidy that ended without renewal, and the partnership's phase 12 and 24 months later. */
  public record SubsidyAftermath(
      PartnershipAsOf.Funding subsidy,
      LocalDate endedOn,
      Phase after12Months,
      Phase after24Months,
      List<FactId> factIds) {}

  /** Every subsidy that ended without renewal by {@code asOf}, and what came after. */
  public static List<SubsidyAftermath> aftermaths(
      PartnershipHistory history, PartnershipAsOf partnership, LocalDate asOf) {
    List<SubsidyAftermath> aftermaths = new ArrayList<>();
    for (PartnershipAsOf.Funding funding : partnership.fundings()) {
      if (funding.type() != FundingType.SUBSIDY || funding.renewedAs() != null) {
        continue;
      }
      Optional<LocalDate> end = funding.lastDay();
      if (end.isEmpty() || !end.get().isBefore(asOf)) {
        continue;
      }
      LocalDate after12 = end.get().plusMonths(12);
      LocalDate after24 = end.get().plusMonths(24);
      List<FactId> facts = new ArrayList<>(funding.factIds());
      Phase phase12 = phaseOn(history, after12, asOf, facts);
      Phase phase24 = phaseOn(history, after24, asOf, facts);
      aftermaths.add(new SubsidyAftermath(funding, end.get(), phase12, phase24, facts));
    }
    return aftermaths;
  }

  private static Phase phaseOn(
      PartnershipHistory history, LocalDate day, LocalDate asOf, List<FactId> facts) {
    if (day.isAfter(asOf)) {
      return null;
    }
    PartnershipAsOf then = PartnershipAsOf.of(history, day);
    then.currentPhase().ifPresent(p -> facts.add(p.factId()));
    return then.phase();
  }
}
