package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when a funding ended (its period ran out or it was stopped). */
public record FundingEnded(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    FundingId fundingId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements FundingChange {}
