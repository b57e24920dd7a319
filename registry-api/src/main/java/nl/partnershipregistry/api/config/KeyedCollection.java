package nl.partnershipregistry.api.config;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * H2's collection, which keeps each document in its map under the document's {@code _id}, finding
 * the documents of a query by {@code _id} ({@code {_id: v}} or {@code {_id: {$in: [...]}}}) in that
 * map at once rather than through the unique index on {@code _id} first: one lookup of a key
 * instead of two, the index's keys being compared by their serialized bytes ({@link
 * DurableH2Backend.IndexKeyType}). The event store reads its stream so (commits by number), and the
 * read models find most of their documents so (heads, chunks, summaries by id).
 *
 * <p>Only texts and whole numbers ({@code int}, {@code long}) are looked up so: the map orders and
 * compares keys of these types as the server's queries do. A whole number the map lacks under its
 * own type is looked for in the index too, which finds a document whose {@code _id} is the same
 * number of another type ({@code 5} for {@code 5L}, as MongoDB does). Any other query, and any
 * query of a collection without an id field, is H2's. The documents are then matched against the
 * query and returned as H2 returns them, in the order of the values asked for.
 *
 * <p><b>Documents stored are never changed.</b> The server updates a document by changing the
 * object its query found and putting it back; this collection gives an update (and a find and
 * modify) copies of the documents it matched instead, so that the object in the map, which a commit
 * may be writing to the file beside the update (decision 75) and a reply may be encoding, stays as
 * it was put, and the copy changed is put in its place.
 *
 * <p><b>The data size is counted when asked.</b> The server keeps a collection's data size (what
 * {@code collStats} reports as {@code size}) by encoding each document it inserts or removes, and
 * both halves of each update, only to measure it, and by putting the new count in the collection's
 * meta map, a change the journal records and the next commit writes. Nothing in the registry asks
 * for it; this collection counts it from its documents when asked instead.
 */
final class KeyedCollection extends H2Collection {

  private static final String ID = "_id";
  private static final String IN = "$in";

  /** Whether this thread is updating: the documents its queries match are then copies. */
  private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

  private final MVMap<Object, Document> documents;

  KeyedCollection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> documents,
      MVMap<String, Object> counts,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, documents, counts, cursorRegistry);
    this.documents = documents;
  }

  /** Documents are not measured as they are written: see {@link #getDataSize()}. */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  /** The bytes of the collection's documents as BSON, each encoded now. */
  @Override
  protected int getDataSize() {
    if (documents == null) {
      // Asked by H2's constructor, for a line of its log: the count it kept.
      return super.getDataSize();
    }
    long size = 0;
    ByteBuf buffer = Unpooled.buffer();
    try {
      for (Document document : documents.values()) {
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        size += buffer.writerIndex();
      }
    } finally {
      buffer.release();
    }
    return (int) Math.min(Integer.MAX_VALUE, size);
  }

  @Override
  protected QueryResult queryDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    // A collection without an id field (some of the server's own) keeps its documents under keys
    // of their own.
    Collection<Object> ids = ID.equals(getIdField()) ? queriedIds(query) : null;
    Index<Object> idIndex = ids == null ? null : idIndex();
    if (idIndex == null) {
      return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    List<Document> found = new ArrayList<>(ids.size());
    for (Object id : ids) {
      Document document = documents.get(id);
      if (document == null && id instanceof Number) {
        Object position = idIndex.getPosition(new Document(ID, id));
        document = position == null ? null : documents.get(position);
      }
      if (document != null) {
        found.add(document);
      }
    }
    return matchDocumentsFromStream(
        found.stream(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  @Override
  public Document updateDocuments(
      Document selector,
      Document update,
      ArrayFilters arrayFilters,
      boolean isMulti,
      boolean isUpsert,
      Oplog oplog) {
    return updating(
        () -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
  }

  @Override
  public Document findAndModify(Document query) {
    return updating(() -> super.findAndModify(query));
  }

  /** Runs an update: the documents its queries match are copies. */
  private static Document updating(Supplier<Document> update) {
    boolean was = UPDATING.get();
    UPDATING.set(true);
    try {
      return update.get();
    } finally {
      UPDATING.set(was);
    }
  }

  /**
   * Every query's documents pass here once matched (by {@code _id} above, through an index, or by
   * H2's scan); an update's are copied.
   */
  @Override
  protected QueryResult matchDocumentsFromStream(
      Stream<Document> documents,
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    QueryResult matched =
        super.matchDocumentsFromStream(
            documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    if (!UPDATING.get()) {
      return matched;
    }
    List<Document> copies = new ArrayList<>();
    for (Document document : matched) {
      copies.add(document.cloneDeeply());
    }
    return new QueryResult(copies, matched.getCursorId());
  }

  /**
   * The values of {@code _id} a query asks for, without repeats and ordered as the index orders
   * them, when it asks only for texts or whole numbers by equality or {@code $in}; otherwise {@code
   * null}.
   */
  private static Collection<Object> queriedIds(Document query) {
    if (query == null || query.size() != 1 || !query.containsKey(ID)) {
      return null;
    }
    Object value = query.get(ID);
    if (isKeyed(value)) {
      return List.of(value);
    }
    if (value instanceof Document operator
        && operator.size() == 1
        && operator.get(IN) instanceof Collection<?> values) {
      Collection<Object> ids = new TreeSet<>(ValueComparator.asc());
      for (Object id : values) {
        if (!isKeyed(id)) {
          return null;
        }
        ids.add(id);
      }
      return ids;
    }
    return null;
  }

  /** Whether the documents' map holds a document with this {@code _id} under the value itself. */
  private static boolean isKeyed(Object value) {
    return value instanceof String || value instanceof Long || value instanceof Integer;
  }

  /** The unique index on {@code _id} alone, if the collection has one. */
  private Index<Object> idIndex() {
    for (Index<Object> index : getIndexes()) {
      List<IndexKey> keys = index.getKeys();
      if (index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals(ID)) {
        return index;
      }
    }
    return null;
  }
}
