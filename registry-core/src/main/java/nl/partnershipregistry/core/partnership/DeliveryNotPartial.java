package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;

/** A partial fulfilment delivers as much as was promised, or more. */
public class DeliveryNotPartial extends DomainRuleViolation {

  public DeliveryNotPartial(CommitmentId commitment, Quantity delivered, Quantity promised) {
    super(
        "commitment %s promised %s and %s was delivered: record it as fulfilled"
            .formatted(commitment, promised, delivered));
  }
}
