package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an activity ended. */
@Published(collection = "activity-ends", summary = "Records that an activity ended.")
public record EndActivity(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    ActivityId activityId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public EndActivity {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(activityId, "activityId");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public ActivityEnded toFact() {
    return new ActivityEnded(
        partnershipId, factId, occurredOn, activityId, explanation, source, recorded);
  }
}
