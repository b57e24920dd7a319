package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;

/** A fact about an organisation is dated before the date it was registered from. */
public class FactBeforeOrganisationKnown extends DomainRuleViolation {

  public FactBeforeOrganisationKnown(
      FactDate date, OrganisationId organisation, FactDate knownFrom) {
    super(
        "the fact is dated %s, before organisation %s is known to exist (%s); correct the registration date or this date"
            .formatted(date, organisation, knownFrom));
  }
}
