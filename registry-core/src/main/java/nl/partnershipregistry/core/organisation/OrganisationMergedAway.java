package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;

/** A fact about an organisation dated after it merged into another. */
public class OrganisationMergedAway extends DomainRuleViolation {

  public OrganisationMergedAway(
      OrganisationId organisation, OrganisationId into, FactDate mergedOn) {
    super(
        "organisation %s merged into %s on %s; record facts after that date on %s"
            .formatted(organisation, into, mergedOn, into));
  }
}
