package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;

/** An activity that already ended ends again. */
public class ActivityAlreadyEnded extends DomainRuleViolation {

  public ActivityAlreadyEnded(ActivityId activity, FactDate endedOn) {
    super("activity %s already ended on %s".formatted(activity, endedOn));
  }
}
