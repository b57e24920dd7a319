package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;

/** A role change repeats the role the partner already has. */
public class PartnerAlreadyInRole extends DomainRuleViolation {

  public PartnerAlreadyInRole(OrganisationId organisation, PartnerRole role) {
    super("%s already has the role %s".formatted(organisation, role));
  }
}
