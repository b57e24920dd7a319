package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;

/** A funding that already ended ends again. */
public class FundingAlreadyEnded extends DomainRuleViolation {

  public FundingAlreadyEnded(FundingId funding, FactDate endedOn) {
    super("funding %s already ended on %s".formatted(funding, endedOn));
  }
}
