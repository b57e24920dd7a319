package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityType;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

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
