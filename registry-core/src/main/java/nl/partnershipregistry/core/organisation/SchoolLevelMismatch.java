package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/** A school without a level, or a level for an organisation that is not a school. */
public class SchoolLevelMismatch extends DomainRuleViolation {

  public SchoolLevelMismatch(OrganisationType type) {
    super(
        type == OrganisationType.SCHOOL
            ? "a school needs its level: po, vo, mbo, hbo or wo"
            : "only a school has a school level, and this organisation is " + type);
  }
}
