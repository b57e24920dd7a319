package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when a funding was renewed; the renewal is a new funding (renewalId) of the same type,
 * instrument and funder. {@code amount} is null when no source gives the renewal's amount.
 */
public record FundingRenewed(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    FundingId fundingId,
    FundingId renewalId,
    Money amount,
    DateRange period,
    SourceCitation source,
    Recording recorded)
    implements FundingChange {}
