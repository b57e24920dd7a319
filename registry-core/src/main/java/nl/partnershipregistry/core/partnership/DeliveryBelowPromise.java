package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;

/** A fulfilment that names what was delivered names at least what was promised. */
public class DeliveryBelowPromise extends DomainRuleViolation {

  public DeliveryBelowPromise(CommitmentId commitment, Quantity delivered, Quantity promised) {
    super(
        "commitment %s promised %s and %s was delivered: record it as partly fulfilled"
            .formatted(commitment, promised, delivered));
  }
}
