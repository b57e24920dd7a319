package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** An organisation joins while it is already an active partner. */
public class PartnerAlreadyActive extends DomainRuleViolation {

  public PartnerAlreadyActive(
      OrganisationId organisation, PartnershipId partnership, FactDate date, FactDate joinedOn) {
    super(
        "%s is already an active partner of %s on %s (joined %s); record its departure first"
            .formatted(organisation, partnership, date, joinedOn));
  }
}
