package nl.partnershipregistry.core.common;

/**
 * A fact, correction or retraction would make another, already recorded fact contradict the
 * history.
 */
public class ContradictsRecordedFact extends DomainRuleViolation {

  public ContradictsRecordedFact(FactId recordedFact, DomainRuleViolation cause) {
    super(
        "this would contradict recorded fact %s: %s".formatted(recordedFact, cause.getMessage()),
        cause);
  }

  /** Broken by what the registry already holds. */
  @Override
  public boolean conflictsWithRecord() {
    return true;
  }
}
