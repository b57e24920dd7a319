package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** A revival of a partnership that was not discontinued at that date. */
public class PartnershipNotDiscontinued extends DomainRuleViolation {

  public PartnershipNotDiscontinued(PartnershipId partnership, FactDate date) {
    super(
        "partnership %s was not discontinued on %s, so it cannot be revived then"
            .formatted(partnership, date));
  }
}
