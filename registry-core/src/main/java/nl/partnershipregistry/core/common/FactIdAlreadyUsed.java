package nl.partnershipregistry.core.common;

/** A fact id is used again for a different fact. */
public class FactIdAlreadyUsed extends DomainRuleViolation {

  public FactIdAlreadyUsed(FactId factId) {
    super(
        "fact id %s is already used for a different fact in this history; a repeated command with the same fact id must repeat the same fact"
            .formatted(factId));
  }

  /** Broken by what the registry already holds. */
  @Override
  public boolean conflictsWithRecord() {
    return true;
  }
}
