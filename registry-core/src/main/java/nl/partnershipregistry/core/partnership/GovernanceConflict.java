package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/**
 * Governance established twice, changed before it was established, or changed to what it already
 * was.
 */
public class GovernanceConflict extends DomainRuleViolation {

  public GovernanceConflict(String explanation) {
    super(explanation);
  }
}
