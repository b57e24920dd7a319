package nl.partnershipregistry.projections.views;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One small document per partnership with its {@link SummaryFact}s, keyed by global position:
 *
 * <pre>{ _id: "stbk", facts: { "p2686976": { position, factId, type, ... } } }</pre>
 *
 * Writing a summary fact sets its key, so writing it twice leaves the same document: the summary is
 * written before the partnership's events, and a redelivery after a failure in between repairs what
 * was missing. The registry list scans this collection, which stays small.
 */
public final class PartnershipSummaries {

  private static final String FACTS = "facts";

  private final MongoCollection<Document> collection;

  public PartnershipSummaries(MongoDatabase database) {
    this.collection = database.getCollection(ReadModels.PARTNERSHIP_SUMMARIES);
  }

  public void put(String partnershipId, SummaryFact fact) {
    putAll(Map.of(partnershipId, List.of(fact)));
  }

  /**
   * Sets the facts of several partnerships: one write per partnership (a {@code $set} per fact),
   * all in one bulk request.
   */
  public void putAll(Map<String, List<SummaryFact>> factsByPartnership) {
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (Map.Entry<String, List<SummaryFact>> partnership : factsByPartnership.entrySet()) {
      if (partnership.getValue().isEmpty()) {
        continue;
      }
      List<Bson> sets = new ArrayList<>();
      for (SummaryFact fact : partnership.getValue()) {
        sets.add(Updates.set(FACTS + ".p" + fact.position(), fact.toDocument()));
      }
      writes.add(
          new UpdateOneModel<>(
              eq("_id", partnership.getKey()),
              Updates.combine(sets),
              new UpdateOptions().upsert(true)));
    }
    if (!writes.isEmpty()) {
      collection.bulkWrite(writes);
    }
  }

  /** Every partnership's summary facts in the order they were recorded: a scan. */
  public void forEach(BiConsumer<String, List<SummaryFact>> action) {
    for (Document document : collection.find()) {
      action.accept(document.getString("_id"), facts(document));
    }
  }

  public void clear() {
    collection.deleteMany(new Document());
  }

  private static List<SummaryFact> facts(Document document) {
    Document facts = document.get(FACTS, Document.class);
    List<SummaryFact> result = new ArrayList<>();
    if (facts != null) {
      for (Object value : facts.values()) {
        result.add(SummaryFact.fromDocument((Document) value));
      }
    }
    result.sort(Comparator.comparingLong(SummaryFact::position));
    return result;
  }
}
