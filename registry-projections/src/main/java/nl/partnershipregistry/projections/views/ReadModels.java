package nl.partnershipregistry.projections.views;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.OptionalLong;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The read models of the {@value #PROCESSING_GROUP} processing group, in one MongoDB database: the
 * partnerships' events, the organisations' events and the partnership summaries.
 */
public final class ReadModels {

  /** The processing group whose processor feeds these read models. */
  public static final String PROCESSING_GROUP = "partnership-views";

  /**
   * The batch size recommended for that processor: its events are written together per batch (see
   * {@link PartnershipViewsProjection}), so a rebuild goes several times faster than one by one.
   */
  public static final int BATCH_SIZE = 100;

  public static final String PARTNERSHIP_EVENTS = "view_partnership_events";
  public static final String ORGANISATION_EVENTS = "view_organisation_events";
  public static final String PARTNERSHIP_SUMMARIES = "view_partnership_summaries";

  /**
   * The highest position whose batch was written whole: set after every other write of a batch, so
   * that a question waiting for a position never sees part of its batch.
   */
  public static final String POSITIONS = "view_positions";

  private static final String LAST_APPLIED = "lastApplied";

  private final EventStreams<PartnershipEvent> partnerships;
  private final EventStreams<OrganisationFact> organisations;
  private final PartnershipSummaries summaries;
  private final MongoCollection<Document> positions;

  public ReadModels(MongoDatabase database, Serializer serializer) {
    this.partnerships =
        new EventStreams<>(database, PARTNERSHIP_EVENTS, serializer, PartnershipEvent.class);
    this.organisations =
        new EventStreams<>(database, ORGANISATION_EVENTS, serializer, OrganisationFact.class);
    this.summaries = new PartnershipSummaries(database);
    this.positions = database.getCollection(POSITIONS);
  }

  public EventStreams<PartnershipEvent> partnerships() {
    return partnerships;
  }

  public EventStreams<OrganisationFact> organisations() {
    return organisations;
  }

  public PartnershipSummaries summaries() {
    return summaries;
  }

  /**
   * The highest global position applied to any partnership or organisation, if any: the position of
   * the last batch written whole, or, for read models written before batches were marked, the
   * highest position in them.
   */
  public OptionalLong lastApplied() {
    Document marked = positions.find(Filters.eq("_id", PROCESSING_GROUP)).first();
    if (marked != null) {
      return OptionalLong.of(marked.get(LAST_APPLIED, Number.class).longValue());
    }
    OptionalLong partnership = partnerships.highestApplied();
    OptionalLong organisation = organisations.highestApplied();
    if (partnership.isEmpty()) {
      return organisation;
    }
    if (organisation.isEmpty()) {
      return partnership;
    }
    return OptionalLong.of(Math.max(partnership.getAsLong(), organisation.getAsLong()));
  }

  /** Marks a batch up to {@code position} as written whole (never moving the mark back). */
  void markApplied(long position) {
    positions.updateOne(
        Filters.eq("_id", PROCESSING_GROUP),
        Updates.max(LAST_APPLIED, position),
        new UpdateOptions().upsert(true));
  }

  /** Empties every read model, so that a processor reset rebuilds them from the first event. */
  public void clear() {
    positions.deleteMany(Filters.eq("_id", PROCESSING_GROUP));
    partnerships.clear();
    organisations.clear();
    summaries.clear();
  }
}
