package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/** A rename to the name the organisation already has. */
public class NameUnchanged extends DomainRuleViolation {

  public NameUnchanged(OrganisationId organisation, String name) {
    super("organisation %s is already called %s".formatted(organisation, name));
  }
}
