package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when the partnership ended, with a coded reason. */
public record PartnershipDiscontinued(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    DiscontinuationReason reason,
    String explanation,
    PartnershipId successor,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
