package nl.partnershipregistry.projections.views;

import com.mongodb.client.MongoDatabase;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;

/**
 * Feeds the read models from the event stream. Each event is kept with its global position; an
 * event at or below the position its partnership (or organisation) last applied changes nothing, so
 * a redelivery after a failure is harmless. A processor reset empties the read models and the
 * replay fills them again.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class PartnershipViewsProjection {

  private final ReadModels readModels;

  public PartnershipViewsProjection(MongoDatabase database, Serializer serializer) {
    this.readModels = new ReadModels(database, serializer);
  }

  @EventHandler
  public void on(PartnershipEvent event, TrackingToken token) {
    long position = positionOf(token);
    String id = event.partnershipId().value();
    // The summary first: writing it again is harmless, and the event's own write below is what
    // marks the event as applied.
    SummaryFact.of(position, event).ifPresent(fact -> readModels.summaries().put(id, fact));
    readModels.partnerships().append(id, position, event.recorded().at(), event);
  }

  @EventHandler
  public void on(OrganisationFact fact, TrackingToken token) {
    long position = positionOf(token);
    readModels
        .organisations()
        .append(fact.organisationId().value(), position, fact.recorded().at(), fact);
  }

  @ResetHandler
  public void reset() {
    readModels.clear();
  }

  private static long positionOf(TrackingToken token) {
    if (token == null || token.position().isEmpty()) {
      throw new IllegalStateException(
          "the partnership views need a tracking processor over the registry's event store, whose"
              + " tokens carry a global position");
    }
    return token.position().getAsLong();
  }
}
