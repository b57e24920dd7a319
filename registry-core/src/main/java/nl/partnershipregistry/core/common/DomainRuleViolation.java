package nl.partnershipregistry.core.common;

/**
 * A command that would put a contradiction into the registry. Each subclass is one business rule;
 * its message says what is wrong in the registrar's terms, and {@link #rule()} names the rule for
 * clients that react to it.
 */
public abstract class DomainRuleViolation extends RuntimeException {

  protected DomainRuleViolation(String message) {
    super(message);
  }

  protected DomainRuleViolation(String message, DomainRuleViolation cause) {
    super(message, cause);
  }

  /**
   * Whether the rule is broken by what the registry already holds (a fact id or identifier taken, a
   * recorded fact contradicted) rather than by the command alone: a conflict with the record, which
   * a client resolves by reading it first (HTTP 409), where a command that breaks a rule by itself
   * is unprocessable as sent (HTTP 422). A rule that is a conflict says so by overriding this.
   */
  public boolean conflictsWithRecord() {
    return false;
  }

  /** The rule's name, derived from the exception's class: {@code PartnerNotActive}. */
  public String rule() {
    return getClass().getSimpleName();
  }
}
