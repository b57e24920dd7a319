package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/** A registration of an identifier that is already registered with other content. */
public class OrganisationAlreadyRegistered extends DomainRuleViolation {

  public OrganisationAlreadyRegistered(OrganisationId organisation) {
    super(
        "organisation %s is already registered with other details; rename it or record what changed instead"
            .formatted(organisation));
  }

  /** Broken by what the registry already holds. */
  @Override
  public boolean conflictsWithRecord() {
    return true;
  }
}
