package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** An amendment names a fact this partnership does not have. */
public class UnknownFact extends DomainRuleViolation {

  public UnknownFact(FactId factId, PartnershipId partnership) {
    super("partnership %s has no fact %s".formatted(partnership, factId));
  }
}
