package nl.partnershipregistry.api.importing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Whether the demo import of a first start ran to its end: marked begun before its first line and
 * completed after its last, in collection {@value #COLLECTION}:
 *
 * <pre>{ _id: "demo", dataset: "demo/partnerships.jsonl", begunAt, completedAt }</pre>
 *
 * A process killed during the import leaves the mark begun and not completed, and the next start
 * imports the dataset again.
 */
public final class DemoImportMark {

  public static final String COLLECTION = "imports";

  private static final String ID = "demo";

  /** What the mark says. */
  public enum State {
    /** No demo import was marked (a new store, or one written before imports were marked). */
    ABSENT,
    /** Begun and not completed: the process ended during the import. */
    BEGUN,
    COMPLETED
  }

  private final MongoCollection<Document> imports;

  public DemoImportMark(MongoDatabase database) {
    this.imports = database.getCollection(COLLECTION);
  }

  public State state() {
    Document mark = mark().orElse(null);
    if (mark == null) {
      return State.ABSENT;
    }
    return mark.getDate("completedAt") == null ? State.BEGUN : State.COMPLETED;
  }

  /** When the import that is marked begun, if any, began. */
  public Optional<Instant> begunAt() {
    return mark().map(mark -> mark.getDate("begunAt")).map(Date::toInstant);
  }

  public void begun(String dataset, Instant at) {
    imports.replaceOne(
        Filters.eq("_id", ID),
        new Document("_id", ID)
            .append("dataset", dataset)
            .append("begunAt", Date.from(at))
            .append("completedAt", null),
        new ReplaceOptions().upsert(true));
  }

  public void completed(String dataset, Instant begunAt, Instant at) {
    imports.replaceOne(
        Filters.eq("_id", ID),
        new Document("_id", ID)
            .append("dataset", dataset)
            .append("begunAt", Date.from(begunAt))
            .append("completedAt", Date.from(at)),
        new ReplaceOptions().upsert(true));
  }

  private Optional<Document> mark() {
    return Optional.ofNullable(imports.find(Filters.eq("_id", ID)).first());
  }
}
