package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;

/** A subsidy instrument is named for funding that is not a subsidy. */
public class InstrumentWithoutSubsidy extends DomainRuleViolation {

  public InstrumentWithoutSubsidy(FundingId funding, FundingType type) {
    super("funding %s is %s: only a subsidy has an instrument".formatted(funding, type));
  }
}
