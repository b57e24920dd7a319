package nl.partnershipregistry.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Snapshots in their own collection, one document per aggregate under its identifier; a snapshot
 * replaces the stored one only if it is newer.
 */
final class SnapshotStore {

  private static final long SNAPSHOT_CHECK_NANOS = 10_000_000_000L;

  private final MongoCollection<Document> snapshots;

  /**
   * Whether the store held any snapshot when last looked at, and when ({@code System.nanoTime}).
   * For {@link #SNAPSHOT_CHECK_NANOS} after a look that found none, loading an aggregate skips
   * asking for its snapshot. A snapshot only shortens loading, so one stored meanwhile by another
   * instance and missed here makes a load longer, never wrong.
   */
  private final AtomicReference<SnapshotPresence> snapshotPresence = new AtomicReference<>();

  SnapshotStore(MongoCollection<Document> snapshots) {
    this.snapshots = snapshots;
  }

  void store(DomainEventMessage<?> snapshot, Serializer serializer) {
    snapshotPresence.set(new SnapshotPresence(true, System.nanoTime()));
    Document document = CommitCodec.snapshot(snapshot, serializer);
    try {
      snapshots.replaceOne(
          Filters.and(
              Filters.eq(CommitCodec.ID, snapshot.getAggregateIdentifier()),
              Filters.lt(CommitCodec.SEQUENCE_NUMBER, snapshot.getSequenceNumber())),
          document,
          new ReplaceOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw new EventStoreException("could not store a snapshot", e);
      }
      // A newer snapshot is stored already; it stays.
    }
  }

  Stream<? extends DomainEventData<?>> read(String aggregateIdentifier) {
    if (noSnapshotsRecently()) {
      return Stream.empty();
    }
    Document snapshot = snapshots.find(Filters.eq(CommitCodec.ID, aggregateIdentifier)).first();
    return snapshot == null ? Stream.empty() : Stream.of(CommitCodec.entry(snapshot));
  }

  /** True when the store held no snapshot at all a moment ago: one look per ten seconds. */
  private boolean noSnapshotsRecently() {
    SnapshotPresence known = snapshotPresence.get();
    long now = System.nanoTime();
    if (known != null && now - known.seenAt() < SNAPSHOT_CHECK_NANOS) {
      return !known.any();
    }
    boolean any =
        snapshots.find().projection(Projections.include(CommitCodec.ID)).limit(1).first() != null;
    snapshotPresence.set(new SnapshotPresence(any, now));
    return !any;
  }

  private record SnapshotPresence(boolean any, long seenAt) {}
}
