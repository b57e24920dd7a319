package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.partnership.vocabulary.FundingId;

/** What happened to an awarded funding later: disbursed, ended, renewed or clawed back. */
public sealed interface FundingChange extends PartnershipFact
    permits FundingDisbursed, FundingEnded, FundingRenewed, FundingClawedBack {

  FundingId fundingId();
}
