package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** A discontinuation for reason OTHER without an explanation. */
public class DiscontinuationUnexplained extends DomainRuleViolation {

  public DiscontinuationUnexplained(PartnershipId partnership) {
    super(
        "the discontinuation of %s gives reason OTHER: the explanation must say what the reason was"
            .formatted(partnership));
  }
}
