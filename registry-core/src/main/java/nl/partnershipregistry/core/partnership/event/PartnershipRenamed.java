package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when the partnership took another name. */
public record PartnershipRenamed(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    String name,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
