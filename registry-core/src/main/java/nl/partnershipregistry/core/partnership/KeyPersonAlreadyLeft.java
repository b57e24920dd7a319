package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;

/** A key person who already left leaves again, or is succeeded twice. */
public class KeyPersonAlreadyLeft extends DomainRuleViolation {

  public KeyPersonAlreadyLeft(KeyPersonId keyPerson, String what, FactDate on) {
    super("key person %s already %s on %s".formatted(keyPerson, what, on));
  }
}
