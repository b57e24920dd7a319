package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactId;

/** An amendment names a fact that cannot be amended that way. */
public class FactNotAmendable extends DomainRuleViolation {

  public FactNotAmendable(FactId factId, String explanation) {
    super("fact %s cannot be amended: %s".formatted(factId, explanation));
  }
}
