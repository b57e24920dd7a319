package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when a commitment was renewed for a new period; the renewal is a new commitment
 * (renewalId) of the same partner and type.
 */
public record CommitmentRenewed(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    CommitmentId renewalId,
    Quantity quantity,
    DateRange period,
    SourceCitation source,
    Recording recorded)
    implements CommitmentOutcome {}
