package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/** A funding or commitment that was already renewed is renewed again. */
public class AlreadyRenewed extends DomainRuleViolation {

  public AlreadyRenewed(String kind, String identifier, String renewal) {
    super(
        "%s %s was already renewed as %s; renew that renewal instead"
            .formatted(kind, identifier, renewal));
  }
}
