package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** A fact needs an active partner on its date, and the organisation was not one. */
public class PartnerNotActive extends DomainRuleViolation {

  public PartnerNotActive(
      String what, OrganisationId organisation, PartnershipId partnership, FactDate date) {
    super(
        "%s needs %s to be an active partner of %s on %s, and it was not: record when it joined, or check the date"
            .formatted(what, organisation, partnership, date));
  }
}
