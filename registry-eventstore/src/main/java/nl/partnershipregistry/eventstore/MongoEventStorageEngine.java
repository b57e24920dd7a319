package nl.partnershipregistry.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

/**
 * An Axon event storage engine on MongoDB that never skips, loses or reorders an event.
 *
 * <p><b>Storage.</b> Each append is one document in {@code commits}, whose {@code _id} is a dense,
 * gap-free commit number (0, 1, 2, ...), and whose {@code events} array holds the appended events
 * in order. Each stored event has a {@code key} {@code aggregateIdentifier:sequenceNumber} with a
 * unique index, and a unique {@code eventIdentifier}. A commit is written with one insert: it is
 * visible whole or not at all. {@link CommitCodec} holds the format.
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
 * <p><b>The jobs.</b> This class answers Axon and hands each job to a collaborator of this package:
 * {@link GroupCommitAppender} appends (writers take turns; the one whose turn it is stores the
 * appends queued behind it too, with one insert, and each writer hears its own outcome); {@link
 * StreamReader} reads the global stream ahead of its reader and makes the tokens; {@link
 * AggregateReader} reads one aggregate by its event keys; {@link SnapshotStore} keeps snapshots;
 * {@link HashLinker} links each event to the one before it ({@link HashChain}); {@link
 * StoredEventExport} gives events exactly as stored. All of them reach the commits through {@link
 * CommitLog}, by {@code _id} or by unique key, never by a scan.
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

  private final CommitLog commits;
  private final GroupCommitAppender appender;
  private final StreamReader stream;
  private final AggregateReader aggregates;
  private final SnapshotStore snapshots;
  private final StoredEventExport export;

  protected MongoEventStorageEngine(Builder builder) {
    super(builder);
    MongoDatabase database = builder.database;
    if (builder.majority) {
      database =
          database.withWriteConcern(WriteConcern.MAJORITY).withReadConcern(ReadConcern.MAJORITY);
    }
    this.commits = new CommitLog(database.getCollection(builder.commitsCollection));
    HashLinker links = new HashLinker(commits);
    this.appender = new GroupCommitAppender(commits, links, this::handlePersistenceException);
    this.stream = new StreamReader(commits, batchSize());
    this.aggregates = new AggregateReader(commits, links);
    this.snapshots = new SnapshotStore(database.getCollection(builder.snapshotsCollection));
    this.export = new StoredEventExport(commits);
  }

  public static Builder builder() {
    return new Builder();
  }

  // Appending

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    long commit = appender.append(events, serializer);
    if (commit >= 0) {
      noteStored(commit);
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

  /**
   * How often this engine found the commit number it chose taken by another instance and had to
   * look for the head: a measure of contention between instances.
   */
  public long commitNumberCollisions() {
    return appender.commitNumberCollisions();
  }

  /** Appends queued for their turn to be stored, for tests. */
  int appendsWaiting() {
    return appender.waiting();
  }

  // Reading the stream

  @Override
  protected Stream<? extends TrackedEventData<?>> readEventData(
      TrackingToken token, boolean mayBlock) {
    return stream.read(token);
  }

  @Override
  protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
      TrackingToken lastToken, int batchSize) {
    return stream.fetch(lastToken, batchSize);
  }

  @Override
  public TrackingToken createTailToken() {
    return null;
  }

  @Override
  public TrackingToken createHeadToken() {
    return stream.headToken();
  }

  /**
   * The position just before the first event, in stream order, stamped at or after {@code at}. It
   * reads the stream from the start: for resetting a processor to a moment, not for a hot path.
   */
  @Override
  public TrackingToken createTokenAt(Instant at) {
    return stream.tokenAt(at);
  }

  /**
   * The highest commit number stored, or -1 for an empty store. Starts from the head this engine
   * knows and probes forward by {@code _id}; the first time, it finds the head by a binary search
   * over the gap-free numbers.
   */
  public long head() {
    return commits.head();
  }

  /** Up to {@code count} commits from {@code first} on, without a gap, in order. */
  List<Document> commitsFrom(long first, int count) {
    return commits.from(first, count);
  }

  Optional<Document> commit(long number) {
    return commits.commit(number);
  }

  // Reading one aggregate

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    return aggregates.fetch(aggregateIdentifier, firstSequenceNumber, batchSize);
  }

  // Snapshots

  @Override
  protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    snapshots.store(snapshot, serializer);
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    return snapshots.read(aggregateIdentifier);
  }

  // Exports

  /** The events of one aggregate exactly as stored, in sequence order. */
  public List<StoredEvent> exportAggregate(String aggregateIdentifier) {
    return export.aggregate(aggregateIdentifier);
  }

  /**
   * The events of up to {@code count} commits from commit {@code first} on, exactly as stored, in
   * commit order; fewer when the store ends. A reader continues from the last commit plus one.
   */
  public List<StoredEvent> exportCommits(long first, int count) {
    return export.commits(first, count);
  }

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
}
