package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;

/**
 * Emitted when a partnership enters the registry; occurredOn is the date it started (phase
 * INITIATED from then).
 */
public record PartnershipRegistered(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    String name,
    PartnershipKind kind,
    String region,
    String sector,
    String goal,
    PartnershipId predecessor,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
