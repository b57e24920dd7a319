package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when a commitment was delivered in full; {@code delivered} is what was delivered when the
 * source says it was more than promised (150 budgeted, 277 realised), absent when it was what was
 * promised.
 */
public record CommitmentFulfilled(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    Quantity delivered,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements CommitmentOutcome {}
