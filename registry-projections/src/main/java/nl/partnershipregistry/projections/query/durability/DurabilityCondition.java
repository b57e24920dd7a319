package nl.partnershipregistry.projections.query.durability;

import java.util.List;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;

/**
 * One durability condition: judged on a partnership as it stood on a date, it gives a verdict, the
 * facts it rests on and what was found, as a {@link Finding} (a text's key and arguments) from
 * which the English value and the pages' other languages are said; its rule says in words how it
 * judges. Each condition is a class of its own and is tested on a history alone.
 */
public interface DurabilityCondition {

  /** Every condition, in the order of the domain's table. */
  List<DurabilityCondition> ALL =
      List.of(
          new EmployerDemandCondition(),
          new EmployerConcentrationCondition(),
          new KeyPersonDependenceCondition(),
          new CriticalMassCondition(),
          new TopCommitmentCondition(),
          new SubsidyDependenceCondition(),
          new SurvivedSubsidyCondition(),
          new PartnerDeliveryCondition(),
          new FormalPlatformCondition(),
          new EducationMovesCondition(),
          new EndingCondition());

  Condition condition();

  Indicator judge(Judged partnership);
}
