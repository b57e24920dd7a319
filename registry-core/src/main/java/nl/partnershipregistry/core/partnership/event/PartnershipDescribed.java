package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;

/**
 * Emitted when its kind, region, sector or goal is described anew (for example a pilot became a
 * Centre of Expertise).
 */
public record PartnershipDescribed(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    PartnershipKind kind,
    String region,
    String sector,
    String goal,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
