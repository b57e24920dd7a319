package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.HALF;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.count;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.time.TimeSlice;

/**
 * Does it live on subsidy: the subsidy share of the funding counted in the year, and subsidy cliffs
 * ahead.
 */
public final class SubsidyDependenceCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.SUBSIDY_DEPENDENCE;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipId id = judged.id();
    TimeSlice slice = judged.slice();
    LocalDate asOf = judged.asOf();
    PartnershipAsOf partnership = judged.partnership();
    String rule =
        "at risk when subsidy is more than half of the funding counted in the year of the date,"
            + " or a subsidy cliff lies ahead; holds otherwise; unknown when no funding counts in"
            + " that year, or when funding whose amount no source gives could move the subsidy"
            + " share across one half";
    FundingMix mix = FundingAnswers.mix(id, slice, partnership);
    Optional<FundingMix.Year> year =
        mix.years().stream().filter(y -> y.year() == asOf.getYear()).findFirst();
    if (year.isEmpty()) {
      return indicator(
          Condition.SUBSIDY_DEPENDENCE,
          finding(Condition.SUBSIDY_DEPENDENCE, "noFunding", Year.of(asOf.getYear())),
          rule,
          UNKNOWN,
          List.of());
    }
    FundingMix.Year counted = year.get();
    List<FactId> facts = new ArrayList<>(counted.factIds());
    mix.subsidyCliffs().forEach(c -> facts.addAll(c.factIds()));
    boolean dependent = counted.subsidyShareAtLeast().compareTo(HALF) > 0;
    boolean independent = counted.subsidyShareAtMost().compareTo(HALF) <= 0;
    Finding cliffs = count(mix.subsidyCliffs().size(), "subsidyCliffAhead", "subsidyCliffsAhead");
    Finding value;
    if (counted.complete()) {
      value =
          finding(
              Condition.SUBSIDY_DEPENDENCE,
              "shares",
              Year.of(counted.year()),
              new Finding.Percent(counted.subsidyShare()),
              new Finding.Euros(counted.total()),
              new Finding.Percent(counted.ownRevenueShare()),
              mix.ownRevenueTrend(),
              cliffs);
    } else {
      Finding share =
          counted.subsidyShareAtLeast().compareTo(counted.subsidyShareAtMost()) == 0
              ? finding(
                  Condition.SUBSIDY_DEPENDENCE,
                  "shareWhatever",
                  new Finding.Percent(counted.subsidyShareAtLeast()))
              : finding(
                  Condition.SUBSIDY_DEPENDENCE,
                  "shareBetween",
                  new Finding.Percent(counted.subsidyShareAtLeast()),
                  new Finding.Percent(counted.subsidyShareAtMost()));
      value =
          finding(
              Condition.SUBSIDY_DEPENDENCE,
              "withoutAmounts",
              Year.of(counted.year()),
              count(
                  counted.withoutAmount().size(), "fundingWithoutAmount", "fundingsWithoutAmount"),
              Finding.Joined.of(
                  ", ",
                  counted.withoutAmount().stream()
                      .map(
                          f ->
                              finding(
                                  Condition.SUBSIDY_DEPENDENCE,
                                  "withoutAmount",
                                  f.fundingId().value(),
                                  f.type()))
                      .toList()),
              counted.total().signum() == 0
                  ? ""
                  : finding(
                      Condition.SUBSIDY_DEPENDENCE, "besides", new Finding.Euros(counted.total())),
              share,
              cliffs);
    }
    Verdict verdict;
    if (dependent || !mix.subsidyCliffs().isEmpty()) {
      verdict = AT_RISK;
    } else if (independent) {
      verdict = HOLDS;
    } else {
      verdict = UNKNOWN;
    }
    return indicator(Condition.SUBSIDY_DEPENDENCE, value, rule, verdict, facts);
  }
}
