package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;

/** Disbursements or claw-backs add up to more than was awarded. */
public class FundingExceeded extends DomainRuleViolation {

  public FundingExceeded(FundingId funding, String what, Money total, Money awarded) {
    super(
        "funding %s: %s would add up to %s, more than the %s awarded"
            .formatted(funding, what, total, awarded));
  }
}
