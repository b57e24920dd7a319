package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** A discontinuation of a partnership that was already discontinued. */
public class PartnershipAlreadyDiscontinued extends DomainRuleViolation {

  public PartnershipAlreadyDiscontinued(PartnershipId partnership, FactDate discontinuedOn) {
    super(
        "partnership %s was already discontinued on %s; record a revival in between, or correct the earlier discontinuation"
            .formatted(partnership, discontinuedOn));
  }
}
