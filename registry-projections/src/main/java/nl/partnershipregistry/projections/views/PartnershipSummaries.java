package nl.partnershipregistry.projections.views;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * One small document per partnership that says when the registry first and last recorded a fact of
 * it and the global position of its last event:
 *
 * <pre>{ _id: "stbk", firstRecordedAt, lastRecordedAt, lastApplied }</pre>
 *
 * The questions across partnerships scan it to tell which partnerships were known at an instant,
 * which of them were known whole then, and whether what they computed from a partnership's events
 * before is still its latest state; the summaries themselves are computed from the events ({@code
 * SummaryTimeline}), so that they say what a partnership's own state says. The writes take the
 * least and the greatest values, so writing an event twice leaves the same document.
 */
public final class PartnershipSummaries {

  /** What the registry knows of a partnership's recordings. */
  public record Recordings(
      String partnershipId, Instant firstRecordedAt, Instant lastRecordedAt, long lastApplied) {

    /** The recordings of two sets of events of the same partnership together. */
    Recordings and(Recordings other) {
      return new Recordings(
          partnershipId,
          firstRecordedAt.isBefore(other.firstRecordedAt) ? firstRecordedAt : other.firstRecordedAt,
          lastRecordedAt.isAfter(other.lastRecordedAt) ? lastRecordedAt : other.lastRecordedAt,
          Math.max(lastApplied, other.lastApplied));
    }

    static Recordings of(String partnershipId, StoredEvent<?> event) {
      return of(partnershipId, event.recordedAt(), event.position());
    }

    /** The recordings of one event, recorded at {@code recordedAt} at {@code position}. */
    static Recordings of(String partnershipId, Instant recordedAt, long position) {
      return new Recordings(partnershipId, recordedAt, recordedAt, position);
    }
  }

  private static final String FIRST = "firstRecordedAt";
  private static final String LAST = "lastRecordedAt";
  private static final String APPLIED = "lastApplied";

  private final MongoCollection<Document> collection;

  public PartnershipSummaries(MongoDatabase database) {
    this.collection = database.getCollection(ReadModels.PARTNERSHIP_SUMMARIES);
  }

  /** Takes several partnerships' recordings in: one write per partnership, in one bulk request. */
  public void putAll(Map<String, Recordings> recordings) {
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (Recordings r : recordings.values()) {
      writes.add(
          new UpdateOneModel<>(
              eq("_id", r.partnershipId()),
              Updates.combine(
                  Updates.min(FIRST, Date.from(r.firstRecordedAt())),
                  Updates.max(LAST, Date.from(r.lastRecordedAt())),
                  Updates.max(APPLIED, r.lastApplied())),
              new UpdateOptions().upsert(true)));
    }
    if (!writes.isEmpty()) {
      collection.bulkWrite(writes);
    }
  }

  /** Every partnership's recordings: a scan. */
  public void forEach(Consumer<Recordings> action) {
    for (Document document : collection.find()) {
      Date first = document.getDate(FIRST);
      if (first == null) {
        continue; // written by a version before 3, and not yet brought up to date
      }
      action.accept(
          new Recordings(
              document.getString("_id"),
              first.toInstant(),
              document.getDate(LAST).toInstant(),
              document.get(APPLIED, Number.class).longValue()));
    }
  }

  long count() {
    return collection.countDocuments();
  }

  public void clear() {
    ReadModels.empty(collection);
  }
}
