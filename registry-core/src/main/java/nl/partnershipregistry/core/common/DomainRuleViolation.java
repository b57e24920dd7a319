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

  /** The rule's name, derived from the exception's class: {@code PartnerNotActive}. */
  public String rule() {
    return getClass().getSimpleName();
  }
}
