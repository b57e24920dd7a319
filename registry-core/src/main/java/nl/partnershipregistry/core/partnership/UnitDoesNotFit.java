package nl.partnershipregistry.core.partnership;

import java.util.Set;
import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.Unit;

/** A quantity's unit does not fit what is promised or delivered. */
public class UnitDoesNotFit extends DomainRuleViolation {

  public UnitDoesNotFit(String what, Unit unit, Set<Unit> accepted) {
    super("%s cannot be counted in %s; use %s".formatted(what, unit, accepted));
  }
}
