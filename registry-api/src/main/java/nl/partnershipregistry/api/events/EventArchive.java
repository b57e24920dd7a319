package nl.partnershipregistry.api.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.partnershipregistry.eventstore.HashChainVerifier;
import nl.partnershipregistry.eventstore.HashChainVerifier.Verification;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.eventstore.StoredEvent;

/**
 * The event store as an archive: events exactly as stored, for exports and the live stream, and the
 * verification of a partnership's hash chain, or of every partnership's. The web edge reads the
 * store only through this.
 */
public class EventArchive {

  /** The aggregate type of partnerships' events. */
  public static final String PARTNERSHIP = "Partnership";

  private static final int COMMITS_PER_READ = 500;

  private final MongoEventStorageEngine engine;
  private final HashChainVerifier verifier;

  public EventArchive(MongoEventStorageEngine engine) {
    this.engine = engine;
    this.verifier = new HashChainVerifier(engine);
  }

  /** A partnership's events in sequence order; empty when none is registered under the id. */
  public List<StoredEvent> partnershipEvents(String partnershipId) {
    return engine.exportAggregate(partnershipId).stream()
        .filter(e -> PARTNERSHIP.equals(e.type()))
        .toList();
  }

  /** The events of up to {@code count} commits from {@code first} on, in commit order. */
  public List<StoredEvent> commits(long first, int count) {
    return engine.exportCommits(first, count);
  }

  /** The last commit number stored, or -1 for an empty store. */
  public long head() {
    return engine.head();
  }

  /** Checks a partnership's hash chain; no events checked when none is registered. */
  public Verification verify(String partnershipId) {
    return verifier.verify(partnershipId);
  }

  /**
   * Checks every partnership's hash chain, in the order the partnerships were first stored: the
   * same check as {@link #verify(String)}, for each partnership the store holds.
   */
  public List<Verification> verifyAll() {
    Set<String> partnerships = new LinkedHashSet<>();
    long next = 0;
    for (List<StoredEvent> batch = commits(next, COMMITS_PER_READ);
        !batch.isEmpty();
        batch = commits(next, COMMITS_PER_READ)) {
      for (StoredEvent event : batch) {
        if (PARTNERSHIP.equals(event.type())) {
          partnerships.add(event.aggregateIdentifier());
        }
      }
      next = batch.get(batch.size() - 1).commit() + 1;
    }
    return partnerships.stream().map(this::verify).toList();
  }

  /**
   * The commit of the event at a global position (of tracking tokens and read models), -1 for a
   * position before the first event.
   */
  public static long commitOf(long position) {
    return position < 0 ? -1 : position / MongoEventStorageEngine.EVENTS_PER_COMMIT;
  }

  /** The global position (of tracking tokens and read models) of a commit's first event. */
  public static long firstPosition(long commit) {
    return commit * MongoEventStorageEngine.EVENTS_PER_COMMIT;
  }
}
