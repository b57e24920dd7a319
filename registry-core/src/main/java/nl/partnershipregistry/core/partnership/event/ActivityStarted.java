package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.ActivityId;
import nl.partnershipregistry.core.partnership.ActivityType;
import nl.partnershipregistry.core.partnership.LearningForm;
import nl.partnershipregistry.core.partnership.LedFrom;
import nl.partnershipregistry.core.partnership.PartnershipId;

/** Emitted when an activity started, placed on Katapult's two axes. */
public record ActivityStarted(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    ActivityId activityId,
    String name,
    ActivityType activityType,
    LedFrom ledFrom,
    LearningForm learningForm,
    boolean flexibleFormat,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
