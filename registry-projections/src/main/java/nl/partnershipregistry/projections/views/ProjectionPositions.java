package nl.partnershipregistry.projections.views;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.OptionalLong;
import org.bson.Document;

/**
 * The highest global position the processing group has applied, for read-your-writes (a client that
 * wrote at position p waits until this reaches p) and for lag.
 */
public final class ProjectionPositions {

  private static final String LAST_APPLIED = "lastApplied";

  private final MongoCollection<Document> collection;

  public ProjectionPositions(MongoDatabase database) {
    this.collection = database.getCollection(ReadModels.POSITIONS);
  }

  /** Raises the position; never lowers it. */
  public void applied(long position) {
    collection.updateOne(
        eq("_id", ReadModels.PROCESSING_GROUP),
        Updates.max(LAST_APPLIED, position),
        new UpdateOptions().upsert(true));
  }

  public OptionalLong lastApplied() {
    Document document = collection.find(eq("_id", ReadModels.PROCESSING_GROUP)).first();
    return document == null
        ? OptionalLong.empty()
        : OptionalLong.of(document.get(LAST_APPLIED, Number.class).longValue());
  }

  public void clear() {
    collection.deleteMany(new Document());
  }
}
