package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.count;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.KatapultType;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.state.StateAnswers;

/**
 * Does education move with it: active activities that are formal learning or offered in a flexible
 * format.
 */
public final class EducationMovesCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.EDUCATION_MOVES;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    String rule =
        "holds when at least one active activity is formal learning or offered in a flexible"
            + " format; at risk when activities run but none is; unknown when no activity is"
            + " active";
    PartnershipState.KatapultProfile profile = StateAnswers.katapult(partnership);
    if (profile.activeActivities() == 0) {
      return indicator(
          Condition.EDUCATION_MOVES,
          finding(Condition.EDUCATION_MOVES, "noActivities"),
          rule,
          UNKNOWN,
          List.of());
    }
    long formal =
        partnership.activities().stream()
            .filter(PartnershipAsOf.Activity::isActive)
            .filter(a -> a.started().learningForm() == LearningForm.FORMAL)
            .count();
    Map<KatapultType, Integer> byType = profile.activitiesByType();
    return indicator(
        Condition.EDUCATION_MOVES,
        finding(
            Condition.EDUCATION_MOVES,
            "activities",
            count(profile.activeActivities(), "activeActivity", "activeActivities"),
            Finding.Joined.of(
                ", ",
                byType.entrySet().stream()
                    .map(e -> finding(Condition.EDUCATION_MOVES, "type", e.getKey(), e.getValue()))
                    .toList()),
            profile.type() == null
                ? finding(Condition.EDUCATION_MOVES, "undecided")
                : profile.type(),
            formal,
            profile.flexibleFormats()),
        rule,
        formal > 0 || profile.flexibleFormats() > 0 ? HOLDS : AT_RISK,
        profile.factIds());
  }
}
