package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;

/** A commitment that already has an outcome gets another. */
public class CommitmentAlreadySettled extends DomainRuleViolation {

  public CommitmentAlreadySettled(CommitmentId commitment, String outcome, FactDate settledOn) {
    super(
        "commitment %s was already settled as %s on %s; correct or retract that outcome instead"
            .formatted(commitment, outcome, settledOn));
  }
}
