package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/**
 * A new commitment, funding, activity, cohort or key person reuses an identifier of this
 * partnership.
 */
public class IdentifierAlreadyUsed extends DomainRuleViolation {

  public IdentifierAlreadyUsed(String kind, String identifier) {
    super(
        "%s %s already exists in this partnership; choose another identifier, or correct the existing fact"
            .formatted(kind, identifier));
  }

  /** Broken by what the registry already holds. */
  @Override
  public boolean conflictsWithRecord() {
    return true;
  }
}
