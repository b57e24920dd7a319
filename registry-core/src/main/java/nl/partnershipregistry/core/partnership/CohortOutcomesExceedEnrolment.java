package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;

/** More participants dropped out or graduated than enrolled in the cohort. */
public class CohortOutcomesExceedEnrolment extends DomainRuleViolation {

  public CohortOutcomesExceedEnrolment(CohortId cohort, int outcomes, int enrolled) {
    super(
        "cohort %s would have %d participants who dropped out or graduated, but only %d enrolled"
            .formatted(cohort, outcomes, enrolled));
  }
}
