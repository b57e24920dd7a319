package nl.partnershipregistry.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.partnershipregistry.eventstore.HashChain.StoredFields;
import nl.partnershipregistry.eventstore.serialization.IsoInstants;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An Axon event storage engine on MongoDB that never skips, loses or reorders an event.
 *
 * <p><b>Storage.</b> Each append is one document in {@code commits}, whose {@code _id} is a dense,
 * gap-free commit number (0, 1, 2, ...), and whose {@code events} array holds the appended events
 * in order. Each stored event has a {@code key} {@code aggregateIdentifier:sequenceNumber} with a
 * unique index, and a unique {@code eventIdentifier}. A commit is written with one insert: it is
 * visible whole or not at all.
 *
 * <p><b>Commit numbers.</b> A writer inserts at the head it knows plus one. If that number is taken
 * (a duplicate {@code _id}), it looks for the real head and tries the next number. A commit {@code
 * n + 1} is therefore only ever written by a writer that has seen commit {@code n}: the numbers
 * have no gaps, and the insert is the reservation, so no reader can pass a number that a slow
 * writer still holds. Readers nonetheless deliver only the gap-free prefix of what they fetch.
 *
 * <p><b>Conflicts.</b> A duplicate event key or event identifier means another writer already
 * stored that aggregate sequence: Axon's {@code ConcurrencyException} (or {@code
 * AggregateStreamCreationException} for a first event). An append whose events are already stored
 * with the same identifiers, as after a retry whose first attempt did succeed, is accepted once and
 * not stored again.
 *
 * <p><b>Tokens.</b> The position of the {@code i}-th event of commit {@code c} is {@code c *}
 * {@value #EVENTS_PER_COMMIT} {@code + i}, carried in a {@link GlobalSequenceTrackingToken}. One
 * append holds at most {@value #EVENTS_PER_COMMIT} events.
 *
 * <p><b>Reads.</b> Every read goes by {@code _id} or by unique key, never by a scan: the embedded
 * server answers range queries and queries on other fields by reading the whole collection, but
 * answers {@code $in} over an index from the index. The stream is read by asking for the next
 * commit numbers by {@code $in} (no more than can exist, whole: the embedded server's projections
 * cost it more than the fields they leave out), ahead of its reader while that reader is behind the
 * head; an aggregate by asking for its next event keys.
 *
 * <p><b>Group commit.</b> Writers of one process take turns; the one whose turn it is stores the
 * appends queued behind it too, with one insert, and each writer hears its own outcome.
 *
 * <p><b>Hash chain.</b> Each event stores {@code previousHash} and {@code hash}, see {@link
 * HashChain}.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

  /** Positions reserved for the events of one commit. */
  public static final long EVENTS_PER_COMMIT = 1L << 16;

  /**
   * The resource of the root unit of work under which the engine lists the commit numbers it stored
   * for that unit of work ({@code List<Long>}), so that whoever sent a command can say where its
   * events are. Absent when nothing was stored (a repeated command).
   */
  public static final String STORED_COMMITS = MongoEventStorageEngine.class.getName() + ".commits";

  static final String COMMITS = "commits";
  static final String SNAPSHOTS = "snapshots";
  static final String EVENT_KEY_INDEX = "event_key";
  static final String EVENT_ID_INDEX = "event_identifier";

  private static final int MAX_CACHED_LINKS = 100_000;
  private static final int HEAD_PROBE = 64;
  private static final long SNAPSHOT_CHECK_NANOS = 10_000_000_000L;

  private static final Bson NUMBER_ONLY = Projections.include("_id");

  /** Commit numbers asked for beyond the known head when reading the stream. */
  private static final int AHEAD_OF_HEAD = 8;

  /** Threads that read the stream ahead of its readers; they end after a minute without work. */
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "event-store-read-ahead");
            thread.setDaemon(true);
            return thread;
          });

  private final MongoCollection<Document> commits;
  private final MongoCollection<Document> snapshots;
  private final AtomicLong knownHead = new AtomicLong(-1);
  private final ReentrantLock appendLock = new ReentrantLock();
  private final Queue<Append> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicLong commitNumberCollisions = new AtomicLong();

  /**
   * Whether the store held any snapshot when last looked at, and when ({@code System.nanoTime}).
   * For {@link #SNAPSHOT_CHECK_NANOS} after a look that found none, loading an aggregate skips
   * asking for its snapshot. A snapshot only shortens loading, so one stored meanwhile by another
   * instance and missed here makes a load longer, never wrong.
   */
  private final AtomicReference<SnapshotPresence> snapshotPresence = new AtomicReference<>();

  private final Map<String, Link> lastLinks =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
              return size() > MAX_CACHED_LINKS;
            }
          });

  protected MongoEventStorageEngine(Builder builder) {
    super(builder);
    MongoDatabase database = builder.database;
    if (builder.majority) {
      database =
          database.withWriteConcern(WriteConcern.MAJORITY).withReadConcern(ReadConcern.MAJORITY);
    }
    this.commits = database.getCollection(builder.commitsCollection);
    this.snapshots = database.getCollection(builder.snapshotsCollection);
    commits.createIndex(
        Indexes.ascending("events.key"), new IndexOptions().unique(true).name(EVENT_KEY_INDEX));
    commits.createIndex(
        Indexes.ascending("events.eventIdentifier"),
        new IndexOptions().unique(true).name(EVENT_ID_INDEX));
  }

  public static Builder builder() {
    return new Builder();
  }

  // Appending

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return;
    }
    if (events.size() > EVENTS_PER_COMMIT) {
      throw new EventStoreException(
          "one append may hold at most " + EVENTS_PER_COMMIT + " events, not " + events.size());
    }
    List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
    for (EventMessage<?> event : events) {
      messages.add(EventUtils.asDomainEventMessage(event));
    }
    DomainEventMessage<?> duplicate = firstDuplicateWithin(messages);
    if (duplicate != null) {
      handlePersistenceException(
          new DuplicateEventException("the append holds the same event key or identifier twice"),
          duplicate);
    }
    Append append = new Append(messages, toDocuments(messages, serializer));
    // Writers in this process take turns: otherwise they would all aim at the same next number
    // and all but one would pay a failed insert and a look for the head. Whoever holds the turn
    // stores every append waiting at that moment, its own and those queued behind it, with one
    // insert (group commit); writers in other processes are still met by the duplicate-number
    // retry of insertCommit.
    waiting.add(append);
    appendLock.lock();
    try {
      if (!append.settled) {
        insertWaiting();
      }
    } finally {
      appendLock.unlock();
    }
    if (!append.settled) {
      // Taken from the queue by a writer that failed before it could settle it.
      throw new EventStoreException("the append was not stored: the writer that took it failed");
    }
    if (append.failure != null) {
      throw append.failure;
    }
    if (append.commit >= 0) {
      noteStored(append.commit);
    }
  }

  /** Stores the waiting appends, one commit each, in one insert when they can all be stored. */
  private void insertWaiting() {
    List<Append> group = new ArrayList<>();
    for (Append next = waiting.poll(); next != null; next = waiting.poll()) {
      group.add(next);
    }
    int stored = 0;
    if (group.size() > 1) {
      long first = knownHead.get() + 1;
      List<Document> documents = new ArrayList<>(group.size());
      for (int i = 0; i < group.size(); i++) {
        documents.add(commitDocument(first + i, group.get(i).eventDocuments()));
      }
      try {
        commits.insertMany(documents, new InsertManyOptions().ordered(true));
        stored = group.size();
      } catch (MongoBulkWriteException e) {
        if (e.getWriteErrors().isEmpty()) {
          // Written, but not confirmed as asked (a write concern error): as for a single insert,
          // every writer of the group hears of it.
          for (Append append : group) {
            append.failure = new EventStoreException("could not confirm the stored commits", e);
            append.settled = true;
          }
          return;
        }
        // Ordered: the commits before the first failure are stored, none after it.
        stored = e.getWriteErrors().stream().mapToInt(BulkWriteError::getIndex).min().orElse(0);
      } catch (RuntimeException e) {
        // The server could not be reached or did not answer: as for a single insert, every
        // writer of the group hears of it.
        for (Append append : group) {
          append.failure = e;
          append.settled = true;
        }
        return;
      }
      for (int i = 0; i < stored; i++) {
        stored(group.get(i), first + i);
      }
    }
    // One append alone, and those a group could not store (a taken commit number, an event stored
    // already or by another writer), go one by one, each with its own outcome.
    for (Append append : group.subList(stored, group.size())) {
      try {
        insertCommit(append);
      } catch (RuntimeException e) {
        append.failure = e;
      }
      append.settled = true;
    }
  }

  private void stored(Append append, long commit) {
    knownHead.accumulateAndGet(commit, Math::max);
    remember(append.eventDocuments());
    append.commit = commit;
    append.settled = true;
  }

  private static Document commitDocument(long number, List<Document> eventDocuments) {
    return new Document("_id", number)
        .append("committedAt", new Date())
        .append("events", eventDocuments);
  }

  /**
   * One call of {@link #appendEvents}: its events, and once settled by whichever writer held the
   * turn, the commit number that stores them ({@code -1} when they were stored already) or why they
   * could not be stored.
   */
  private static final class Append {
    private final List<DomainEventMessage<?>> messages;
    private final List<Document> eventDocuments;
    private volatile boolean settled;
    private volatile long commit = -1;
    private volatile RuntimeException failure;

    Append(List<DomainEventMessage<?>> messages, List<Document> eventDocuments) {
      this.messages = messages;
      this.eventDocuments = eventDocuments;
    }

    List<DomainEventMessage<?>> messages() {
      return messages;
    }

    List<Document> eventDocuments() {
      return eventDocuments;
    }
  }

  private void insertCommit(Append append) {
    long candidate = knownHead.get() + 1;
    while (true) {
      try {
        commits.insertOne(commitDocument(candidate, append.eventDocuments()));
        stored(append, candidate);
        return;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw new EventStoreException("could not store commit " + candidate, e);
        }
        if (isCommitNumberTaken(e)) {
          commitNumberCollisions.incrementAndGet();
          candidate = head() + 1;
        } else if (alreadyStored(append.eventDocuments())) {
          return;
        } else {
          handlePersistenceException(e, append.messages().get(0));
          return;
        }
      }
    }
  }

  private static void noteStored(long commit) {
    CurrentUnitOfWork.ifStarted(
        unitOfWork ->
            unitOfWork
                .root()
                .<List<Long>>getOrComputeResource(STORED_COMMITS, key -> new ArrayList<>())
                .add(commit));
  }

  private static boolean isCommitNumberTaken(MongoWriteException e) {
    String message = e.getError().getMessage();
    return message != null && message.contains("index: _id_");
  }

  private static DomainEventMessage<?> firstDuplicateWithin(List<DomainEventMessage<?>> events) {
    Set<String> keys = new HashSet<>();
    Set<String> identifiers = new HashSet<>();
    for (DomainEventMessage<?> event : events) {
      if (!keys.add(key(event.getAggregateIdentifier(), event.getSequenceNumber()))
          | !identifiers.add(event.getIdentifier())) {
        return event;
      }
    }
    return null;
  }

  /** True when every event of the append is stored already, under the same identifiers. */
  private boolean alreadyStored(List<Document> eventDocuments) {
    List<String> identifiers =
        eventDocuments.stream().map(d -> d.getString("eventIdentifier")).toList();
    Set<String> found = new HashSet<>();
    for (Document commit : commitsHolding("events.eventIdentifier", identifiers)) {
      for (Document stored : commit.getList("events", Document.class)) {
        String identifier = stored.getString("eventIdentifier");
        Document mine =
            eventDocuments.stream()
                .filter(d -> d.getString("eventIdentifier").equals(identifier))
                .findFirst()
                .orElse(null);
        if (mine != null && mine.getString("key").equals(stored.getString("key"))) {
          found.add(identifier);
        }
      }
    }
    return found.containsAll(identifiers);
  }

  private List<Document> toDocuments(List<DomainEventMessage<?>> events, Serializer serializer) {
    Map<String, Link> previous = new HashMap<>();
    List<Document> documents = new ArrayList<>(events.size());
    for (DomainEventMessage<?> event : events) {
      SerializedObject<String> payload = event.serializePayload(serializer, String.class);
      SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
      StoredFields fields =
          new StoredFields(
              event.getAggregateIdentifier(),
              event.getSequenceNumber(),
              event.getIdentifier(),
              event.getType(),
              event.getTimestamp().toString(),
              payload.getType().getName(),
              payload.getType().getRevision(),
              payload.getData(),
              metaData.getData());
      String previousHash =
          previous.containsKey(event.getAggregateIdentifier())
              ? previous.get(event.getAggregateIdentifier()).hash()
              : previousHash(event.getAggregateIdentifier(), event.getSequenceNumber());
      String hash = HashChain.hash(fields, previousHash);
      previous.put(event.getAggregateIdentifier(), new Link(event.getSequenceNumber(), hash));
      documents.add(
          new Document("key", key(fields.aggregateIdentifier(), fields.sequenceNumber()))
              .append("eventIdentifier", fields.eventIdentifier())
              .append("aggregateIdentifier", fields.aggregateIdentifier())
              .append("sequenceNumber", fields.sequenceNumber())
              .append("type", fields.aggregateType())
              .append("timestamp", fields.timestamp())
              .append("payloadType", fields.payloadType())
              .append("payloadRevision", fields.payloadRevision())
              .append("payload", fields.payload())
              .append("metaData", fields.metaData())
              .append("previousHash", previousHash)
              .append("hash", hash));
    }
    return documents;
  }

  /**
   * The hash of the stored event before {@code sequenceNumber}: from the links this engine saw
   * last, or read by its key. An aggregate's first stored event links to {@link HashChain#GENESIS}.
   */
  private String previousHash(String aggregateIdentifier, long sequenceNumber) {
    if (sequenceNumber == 0) {
      return HashChain.GENESIS;
    }
    Link last = lastLinks.get(aggregateIdentifier);
    if (last != null && last.sequenceNumber() == sequenceNumber - 1) {
      return last.hash();
    }
    Document commit =
        commits
            .find(Filters.eq("events.key", key(aggregateIdentifier, sequenceNumber - 1)))
            .first();
    if (commit == null) {
      return HashChain.GENESIS;
    }
    return commit.getList("events", Document.class).stream()
        .filter(e -> e.getString("key").equals(key(aggregateIdentifier, sequenceNumber - 1)))
        .map(e -> e.getString("hash"))
        .findFirst()
        .orElse(HashChain.GENESIS);
  }

  private void remember(List<Document> eventDocuments) {
    for (Document event : eventDocuments) {
      lastLinks.put(
          event.getString("aggregateIdentifier"),
          new Link(event.getLong("sequenceNumber"), event.getString("hash")));
    }
  }

  /** True when the store held no snapshot at all a moment ago: one look per ten seconds. */
  private boolean noSnapshotsRecently() {
    SnapshotPresence known = snapshotPresence.get();
    long now = System.nanoTime();
    if (known != null && now - known.seenAt() < SNAPSHOT_CHECK_NANOS) {
      return !known.any();
    }
    boolean any = snapshots.find().projection(new Document("_id", 1)).limit(1).first() != null;
    snapshotPresence.set(new SnapshotPresence(any, now));
    return !any;
  }

  private record SnapshotPresence(boolean any, long seenAt) {}

  // Reading the stream

  /**
   * The stream of events after {@code token}, read ahead: while the caller works through one batch,
   * the next is fetched on a thread of its own, as long as the batches come back full (the reader
   * is behind the head). At the head, each batch is fetched when asked for, as Axon's own engines
   * do.
   */
  @Override
  protected Stream<? extends TrackedEventData<?>> readEventData(
      TrackingToken token, boolean mayBlock) {
    ReadAhead readAhead = new ReadAhead(token);
    return StreamSupport.stream(readAhead, false).onClose(readAhead::close);
  }

  @Override
  protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
      TrackingToken lastToken, int batchSize) {
    return fetchBatch(lastToken, batchSize).events();
  }

  /**
   * The events after {@code lastToken} in up to {@code batchSize} commits, and whether there were
   * that many (so that more may follow at once). Asks only for the commit numbers that can exist:
   * those up to the head this engine knows, and a few beyond for commits of other instances, asking
   * for twice as many each time all it asked for were there.
   */
  private Batch fetchBatch(TrackingToken lastToken, int batchSize) {
    long after = position(lastToken);
    long first = after < 0 ? 0 : after / EVENTS_PER_COMMIT;
    int wanted = Math.max(1, batchSize);
    int ask =
        (int)
            Math.min(wanted, Math.max(AHEAD_OF_HEAD, knownHead.get() + 1 - first + AHEAD_OF_HEAD));
    List<TrackedEventData<?>> result = new ArrayList<>();
    int read = 0;
    while (true) {
      List<Document> found = commitsFrom(first, ask);
      for (Document commit : found) {
        long number = commit.getLong("_id");
        List<Document> events = commit.getList("events", Document.class);
        for (int i = 0; i < events.size(); i++) {
          long position = number * EVENTS_PER_COMMIT + i;
          if (position > after) {
            result.add(tracked(new GlobalSequenceTrackingToken(position), events.get(i)));
          }
        }
      }
      read += found.size();
      if (!found.isEmpty()) {
        knownHead.accumulateAndGet(first + found.size() - 1, Math::max);
      }
      if (found.size() < ask) {
        return new Batch(result, false);
      }
      // A first commit whose events were all delivered before counts as read but gives nothing:
      // with a batch of one commit the reader would otherwise never get past it.
      if (read >= wanted && !result.isEmpty()) {
        return new Batch(result, true);
      }
      first += found.size();
      ask = Math.max(1, Math.min(wanted - read, ask * 2));
    }
  }

  /** Events read from the stream, and whether as many commits were read as were asked for. */
  private record Batch(List<TrackedEventData<?>> events, boolean full) {}

  /**
   * The stream after a token, one batch at a time, with the next batch fetched in the background
   * while this one is handed out, as long as batches come back full.
   */
  private final class ReadAhead extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    private TrackingToken last;
    private Iterator<TrackedEventData<?>> current = Collections.emptyIterator();
    private CompletableFuture<Batch> next;

    ReadAhead(TrackingToken start) {
      super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT | CONCURRENT);
      this.last = start;
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
      if (!current.hasNext()) {
        Batch batch = next == null ? fetchBatch(last, batchSize()) : await(next);
        next = null;
        if (batch.events().isEmpty()) {
          return false;
        }
        current = batch.events().iterator();
        last = batch.events().get(batch.events().size() - 1).trackingToken();
        if (batch.full()) {
          TrackingToken from = last;
          next = CompletableFuture.supplyAsync(() -> fetchBatch(from, batchSize()), READERS);
        }
      }
      action.accept(current.next());
      return true;
    }

    void close() {
      if (next != null) {
        next.cancel(false);
        next = null;
      }
    }

    private Batch await(CompletableFuture<Batch> batch) {
      try {
        return batch.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw new EventStoreException("could not read the event stream", e.getCause());
      }
    }
  }

  /** Up to {@code count} commits from {@code first} on, without a gap, in order. */
  List<Document> commitsFrom(long first, int count) {
    return commitsFrom(first, count, null);
  }

  /**
   * Up to {@code count} commits from {@code first} on, without a gap, in order, with only the
   * fields that {@code projection} keeps ({@code null}: all).
   */
  private List<Document> commitsFrom(long first, int count, Bson projection) {
    List<Long> numbers = LongStream.range(first, first + count).boxed().toList();
    List<Document> found =
        commits.find(Filters.in("_id", numbers)).projection(projection).into(new ArrayList<>());
    found.sort(Comparator.comparingLong(d -> d.getLong("_id")));
    List<Document> gapFree = new ArrayList<>(found.size());
    long expected = first;
    for (Document commit : found) {
      if (commit.getLong("_id") != expected) {
        break;
      }
      gapFree.add(commit);
      expected++;
    }
    return gapFree;
  }

  private static long position(TrackingToken token) {
    if (token == null) {
      return -1;
    }
    if (!(token instanceof GlobalSequenceTrackingToken global)) {
      throw new IllegalArgumentException(
          "this store reads GlobalSequenceTrackingTokens, not " + token.getClass().getName());
    }
    return global.getGlobalIndex();
  }

  // Reading one aggregate

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    List<DomainEventData<?>> result = new ArrayList<>();
    long next = firstSequenceNumber;
    int chunk = 16;
    while (result.size() < batchSize) {
      int size = Math.min(chunk, batchSize - result.size());
      List<String> keys = new ArrayList<>(size);
      for (long sequence = next; sequence < next + size; sequence++) {
        keys.add(key(aggregateIdentifier, sequence));
      }
      Map<Long, Document> bySequence = new HashMap<>();
      for (Document commit : commitsHolding("events.key", keys)) {
        for (Document event : commit.getList("events", Document.class)) {
          if (aggregateIdentifier.equals(event.getString("aggregateIdentifier"))) {
            bySequence.put(event.getLong("sequenceNumber"), event);
          }
        }
      }
      for (long sequence = next; sequence < next + size; sequence++) {
        Document event = bySequence.get(sequence);
        if (event == null) {
          return result;
        }
        result.add(entry(event));
        lastLinks.put(aggregateIdentifier, new Link(sequence, event.getString("hash")));
      }
      next += size;
      chunk = Math.min(chunk * 4, 1024);
    }
    return result;
  }

  /**
   * The commits holding any of {@code values} in the uniquely indexed {@code field}, each once: the
   * embedded server returns a document once for every value it matches.
   */
  private Collection<Document> commitsHolding(String field, List<String> values) {
    Map<Long, Document> byNumber = new LinkedHashMap<>();
    for (Document commit : commits.find(Filters.in(field, values))) {
      byNumber.putIfAbsent(commit.getLong("_id"), commit);
    }
    return byNumber.values();
  }

  // Snapshots

  @Override
  protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    snapshotPresence.set(new SnapshotPresence(true, System.nanoTime()));
    SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
    SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
    Document document =
        new Document("_id", snapshot.getAggregateIdentifier())
            .append("aggregateIdentifier", snapshot.getAggregateIdentifier())
            .append("sequenceNumber", snapshot.getSequenceNumber())
            .append("eventIdentifier", snapshot.getIdentifier())
            .append("type", snapshot.getType())
            .append("timestamp", snapshot.getTimestamp().toString())
            .append("payloadType", payload.getType().getName())
            .append("payloadRevision", payload.getType().getRevision())
            .append("payload", payload.getData())
            .append("metaData", metaData.getData());
    try {
      snapshots.replaceOne(
          Filters.and(
              Filters.eq("_id", snapshot.getAggregateIdentifier()),
              Filters.lt("sequenceNumber", snapshot.getSequenceNumber())),
          document,
          new ReplaceOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw new EventStoreException("could not store a snapshot", e);
      }
      // A newer snapshot is stored already; it stays.
    }
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    if (noSnapshotsRecently()) {
      return Stream.empty();
    }
    Document snapshot = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
    return snapshot == null ? Stream.empty() : Stream.of(entry(snapshot));
  }

  // Tokens

  @Override
  public TrackingToken createTailToken() {
    return null;
  }

  @Override
  public TrackingToken createHeadToken() {
    long head = head();
    if (head < 0) {
      return null;
    }
    Document commit = commits.find(Filters.eq("_id", head)).first();
    int events = commit == null ? 1 : commit.getList("events", Document.class).size();
    return new GlobalSequenceTrackingToken(head * EVENTS_PER_COMMIT + events - 1);
  }

  /**
   * The position just before the first event, in stream order, stamped at or after {@code at}.
   * Event timestamps need not grow with the stream, so this reads the stream from the start: it is
   * meant for resetting a processor to a moment, not for a hot path.
   */
  @Override
  public TrackingToken createTokenAt(Instant at) {
    long before = -1;
    long next = 0;
    while (true) {
      List<Document> batch = commitsFrom(next, batchSize());
      if (batch.isEmpty()) {
        return createHeadToken();
      }
      for (Document commit : batch) {
        long number = commit.getLong("_id");
        List<Document> events = commit.getList("events", Document.class);
        for (int i = 0; i < events.size(); i++) {
          if (!Instant.parse(events.get(i).getString("timestamp")).isBefore(at)) {
            return before < 0 ? null : new GlobalSequenceTrackingToken(before);
          }
          before = number * EVENTS_PER_COMMIT + i;
        }
        next = number + 1;
      }
    }
  }

  /**
   * The highest commit number stored, or -1 for an empty store. Starts from the head this engine
   * knows and probes forward by {@code _id}; the first time, it finds the head by a binary search
   * over the gap-free numbers.
   */
  public long head() {
    long head = knownHead.get();
    if (head < 0) {
      head = searchHead();
    }
    while (true) {
      List<Document> ahead = commitsFrom(head + 1, HEAD_PROBE, NUMBER_ONLY);
      head += ahead.size();
      if (ahead.size() < HEAD_PROBE) {
        break;
      }
    }
    long found = head;
    return knownHead.accumulateAndGet(found, Math::max);
  }

  private long searchHead() {
    if (!exists(0)) {
      return -1;
    }
    long present = 0;
    long absent = 1;
    while (exists(absent)) {
      present = absent;
      absent *= 2;
    }
    while (absent - present > 1) {
      long middle = present + (absent - present) / 2;
      if (exists(middle)) {
        present = middle;
      } else {
        absent = middle;
      }
    }
    return present;
  }

  private boolean exists(long commit) {
    return commits.find(Filters.eq("_id", commit)).projection(new Document("_id", 1)).first()
        != null;
  }

  // Mapping

  /**
   * An event appended without an aggregate is stored the way Axon's {@code
   * EventUtils.asDomainEventMessage} presents it: its own identifier as aggregate identifier,
   * sequence 0 and no aggregate type. It reads back as the plain event it was.
   */
  private static TrackedEventData<?> tracked(TrackingToken token, Document event) {
    boolean withoutAggregate =
        event.getString("type") == null
            && event.getLong("sequenceNumber") == 0
            && event.getString("eventIdentifier").equals(event.getString("aggregateIdentifier"));
    return withoutAggregate
        ? new TrackedApplicationEvent(token, event)
        : new TrackedDomainEventData<>(token, entry(event));
  }

  /** A tracked event that belongs to no aggregate. */
  private static final class TrackedApplicationEvent extends AbstractEventEntry<String>
      implements TrackedEventData<String> {

    private final TrackingToken token;
    private final String timestamp;

    TrackedApplicationEvent(TrackingToken token, Document event) {
      super(
          event.getString("eventIdentifier"),
          event.getString("timestamp"),
          event.getString("payloadType"),
          event.getString("payloadRevision"),
          event.getString("payload"),
          event.getString("metaData"));
      this.token = token;
      this.timestamp = event.getString("timestamp");
    }

    @Override
    public TrackingToken trackingToken() {
      return token;
    }

    @Override
    public Instant getTimestamp() {
      return IsoInstants.parse(timestamp);
    }
  }

  private static GenericDomainEventEntry<String> entry(Document event) {
    return new StoredEntry(
        event.getString("type"),
        event.getString("aggregateIdentifier"),
        event.getLong("sequenceNumber"),
        event.getString("eventIdentifier"),
        event.getString("timestamp"),
        event.getString("payloadType"),
        event.getString("payloadRevision"),
        event.getString("payload"),
        event.getString("metaData"));
  }

  /**
   * A stored domain event, whose timestamp is read by {@link IsoInstants}, not Axon's formatter.
   */
  private static final class StoredEntry extends GenericDomainEventEntry<String> {

    private final String timestamp;

    StoredEntry(
        String type,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        String timestamp,
        String payloadType,
        String payloadRevision,
        String payload,
        String metaData) {
      super(
          type,
          aggregateIdentifier,
          sequenceNumber,
          eventIdentifier,
          timestamp,
          payloadType,
          payloadRevision,
          payload,
          metaData);
      this.timestamp = timestamp;
    }

    @Override
    public Instant getTimestamp() {
      return IsoInstants.parse(timestamp);
    }
  }

  static String key(String aggregateIdentifier, long sequenceNumber) {
    return aggregateIdentifier + ":" + sequenceNumber;
  }

  /** The last event of an aggregate this engine stored or read, for linking the next one. */
  private record Link(long sequenceNumber, String hash) {}

  /** Two events of one append share a key or an identifier. */
  static final class DuplicateEventException extends RuntimeException {
    DuplicateEventException(String message) {
      super(message);
    }
  }

  /** Recognises the duplicate-key failures that mean another writer stored that event first. */
  public static final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
      return exception instanceof DuplicateEventException
          || (exception instanceof MongoWriteException write
              && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY);
    }
  }

  /** Builds a {@link MongoEventStorageEngine}. */
  public static class Builder extends BatchingEventStorageEngine.Builder {

    private MongoDatabase database;
    private String commitsCollection = COMMITS;
    private String snapshotsCollection = SNAPSHOTS;
    private boolean majority;

    Builder() {
      JacksonSerializer json = JacksonSerializer.defaultSerializer();
      super.eventSerializer(json);
      super.snapshotSerializer(json);
      super.persistenceExceptionResolver(new DuplicateKeyResolver());
    }

    /** The database that holds the {@code commits} and {@code snapshots} collections. */
    public Builder database(MongoDatabase database) {
      this.database = database;
      return this;
    }

    /** Names the collection of commits; {@value MongoEventStorageEngine#COMMITS} by default. */
    public Builder commitsCollection(String name) {
      this.commitsCollection = name;
      return this;
    }

    /** Names the collection of snapshots; {@value MongoEventStorageEngine#SNAPSHOTS} by default. */
    public Builder snapshotsCollection(String name) {
      this.snapshotsCollection = name;
      return this;
    }

    /** Write and read with concern {@code majority}: for a real replica set. */
    public Builder majority(boolean majority) {
      this.majority = majority;
      return this;
    }

    @Override
    public Builder eventSerializer(Serializer eventSerializer) {
      super.eventSerializer(eventSerializer);
      return this;
    }

    @Override
    public Builder snapshotSerializer(Serializer snapshotSerializer) {
      super.snapshotSerializer(snapshotSerializer);
      return this;
    }

    @Override
    public Builder upcasterChain(
        org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
      super.upcasterChain(upcasterChain);
      return this;
    }

    @Override
    public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
      super.persistenceExceptionResolver(resolver);
      return this;
    }

    @Override
    public Builder snapshotFilter(
        org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
      super.snapshotFilter(snapshotFilter);
      return this;
    }

    @Override
    public Builder batchSize(int batchSize) {
      super.batchSize(batchSize);
      return this;
    }

    @Override
    protected void validate() {
      super.validate();
      if (database == null) {
        throw new org.axonframework.common.AxonConfigurationException(
            "a MongoEventStorageEngine needs a database");
      }
    }

    public MongoEventStorageEngine build() {
      validate();
      return new MongoEventStorageEngine(this);
    }
  }

  /**
   * How often this engine found the commit number it chose taken by another instance and had to
   * look for the head: a measure of contention between instances.
   */
  public long commitNumberCollisions() {
    return commitNumberCollisions.get();
  }

  /** Appends queued for their turn to be stored, for tests. */
  int appendsWaiting() {
    return waiting.size();
  }

  /** The events of one aggregate exactly as stored, in sequence order. */
  public List<StoredEvent> exportAggregate(String aggregateIdentifier) {
    List<StoredEvent> events = new ArrayList<>();
    long next = 0;
    while (true) {
      List<String> keys = new ArrayList<>();
      for (long sequence = next; sequence < next + 100; sequence++) {
        keys.add(key(aggregateIdentifier, sequence));
      }
      List<StoredEvent> found = new ArrayList<>();
      for (Document commit : commitsHolding("events.key", keys)) {
        List<Document> stored = commit.getList("events", Document.class);
        for (int i = 0; i < stored.size(); i++) {
          if (aggregateIdentifier.equals(stored.get(i).getString("aggregateIdentifier"))) {
            found.add(StoredEvent.of(commit.getLong("_id"), i, stored.get(i)));
          }
        }
      }
      if (found.isEmpty()) {
        return events;
      }
      found.sort(Comparator.comparingLong(StoredEvent::sequenceNumber));
      events.addAll(found);
      next += 100;
    }
  }

  /**
   * The events of up to {@code count} commits from commit {@code first} on, exactly as stored, in
   * commit order; fewer when the store ends. A reader continues from the last commit plus one.
   */
  public List<StoredEvent> exportCommits(long first, int count) {
    List<StoredEvent> events = new ArrayList<>();
    for (Document commit : commitsFrom(first, count)) {
      List<Document> stored = commit.getList("events", Document.class);
      for (int i = 0; i < stored.size(); i++) {
        events.add(StoredEvent.of(commit.getLong("_id"), i, stored.get(i)));
      }
    }
    return events;
  }

  Optional<Document> commit(long number) {
    return Optional.ofNullable(commits.find(Filters.eq("_id", number)).first());
  }
}
