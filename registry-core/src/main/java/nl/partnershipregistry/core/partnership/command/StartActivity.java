package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityType;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an activity started. */
@Published(collection = "activities", summary = "Records an activity, on Katapult's two axes.")
public record StartActivity(
    @TargetAggregateIdentifier PartnershipId partnershipId,
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
    implements PartnershipCommand {

  public StartActivity {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(activityId, "activityId");
    name = Require.name(name, "name");
    Require.present(activityType, "activityType");
    Require.present(ledFrom, "ledFrom");
    Require.present(learningForm, "learningForm");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public ActivityStarted toFact() {
    return new ActivityStarted(
        partnershipId,
        factId,
        occurredOn,
        activityId,
        name,
        activityType,
        ledFrom,
        learningForm,
        flexibleFormat,
        source,
        recorded);
  }
}
