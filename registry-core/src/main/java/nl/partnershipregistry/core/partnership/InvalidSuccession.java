package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/**
 * A succession that cannot be: a person succeeding themselves, or a partnership its own successor.
 */
public class InvalidSuccession extends DomainRuleViolation {

  public InvalidSuccession(String explanation) {
    super(explanation);
  }
}
