package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** A registration of an identifier that is already registered with other content. */
public class PartnershipAlreadyRegistered extends DomainRuleViolation {

  public PartnershipAlreadyRegistered(PartnershipId partnership) {
    super(
        "partnership %s is already registered with other details; describe or correct it instead"
            .formatted(partnership));
  }

  /** Broken by what the registry already holds. */
  @Override
  public boolean conflictsWithRecord() {
    return true;
  }
}
