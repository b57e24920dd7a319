package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/**
 * A group membership or merger that cannot be: an organisation in its own group, in two groups at
 * once, leaving a group it is not in, or merging into itself.
 */
public class GroupConflict extends DomainRuleViolation {

  public GroupConflict(String explanation) {
    super(explanation);
  }
}
