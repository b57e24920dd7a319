package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.CommitmentId;
import nl.partnershipregistry.core.partnership.PartnershipId;

/** Emitted when a commitment was delivered in full. */
public record CommitmentFulfilled(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements CommitmentOutcome {}
