package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/**
 * A fact refers to a commitment, funding, activity, cohort or key person that this partnership does
 * not have.
 */
public class UnknownReference extends DomainRuleViolation {

  public UnknownReference(String kind, String identifier) {
    super("this partnership has no %s %s".formatted(kind, identifier));
  }
}
