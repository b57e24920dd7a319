package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.util.List;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;

/** Is there a formal platform: the governance form that carries the partnership. */
public final class FormalPlatformCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.FORMAL_PLATFORM;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    String rule =
        "holds when a covenant, foundation, cooperative or association carries the partnership;"
            + " at risk when its governance is recorded as none; unknown when no governance is"
            + " recorded";
    return partnership
        .governance()
        .map(
            g ->
                indicator(
                    Condition.FORMAL_PLATFORM,
                    platform(g),
                    rule,
                    g.form() == GovernanceForm.NONE ? AT_RISK : HOLDS,
                    g.factIds()))
        .orElseGet(
            () ->
                indicator(
                    Condition.FORMAL_PLATFORM,
                    finding(Condition.FORMAL_PLATFORM, "none"),
                    rule,
                    UNKNOWN,
                    List.of()));
  }

  /** {@code FOUNDATION Stichting RDM since 2012 (first established 2012)}. */
  private static Finding platform(PartnershipAsOf.Governance g) {
    String variant = g.form() == GovernanceForm.NONE ? "noForm" : "form";
    return g.entityName() == null
        ? finding(Condition.FORMAL_PLATFORM, variant, g.form(), g.since(), g.establishedOn())
        : finding(
            Condition.FORMAL_PLATFORM,
            variant + "WithEntity",
            g.form(),
            g.entityName(),
            g.since(),
            g.establishedOn());
  }
}
