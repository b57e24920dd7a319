package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when an activity ended. */
public record ActivityEnded(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    ActivityId activityId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
