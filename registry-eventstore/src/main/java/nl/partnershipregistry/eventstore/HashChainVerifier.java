package nl.partnershipregistry.eventstore;

import java.util.List;
import nl.partnershipregistry.eventstore.HashChain.StoredFields;

/**
 * Checks an aggregate's stored events against their hash chain and reports the first broken link:
 * an event whose content no longer matches its hash (it was changed in the database), or whose
 * {@code previousHash} is not the hash of the event before it (one was removed or inserted).
 */
public class HashChainVerifier {

  private final MongoEventStorageEngine engine;

  public HashChainVerifier(MongoEventStorageEngine engine) {
    this.engine = engine;
  }

  public Verification verify(String aggregateIdentifier) {
    List<StoredEvent> events = engine.exportAggregate(aggregateIdentifier);
    String previous = HashChain.GENESIS;
    for (StoredEvent event : events) {
      long sequence = event.sequenceNumber();
      String storedPrevious = event.previousHash();
      if (!previous.equals(storedPrevious)) {
        return Verification.broken(
            aggregateIdentifier,
            events.size(),
            new BrokenLink(
                sequence,
                "previousHash is not the hash of the event before",
                previous,
                storedPrevious));
      }
      String computed = HashChain.hash(fields(event), storedPrevious);
      String stored = event.hash();
      if (!computed.equals(stored)) {
        return Verification.broken(
            aggregateIdentifier,
            events.size(),
            new BrokenLink(
                sequence, "the event's content does not match its hash", computed, stored));
      }
      previous = stored;
    }
    return new Verification(aggregateIdentifier, events.size(), true, null);
  }

  /** The hashed fields of a stored event (the same as {@link StoredEvent}'s, without links). */
  public static StoredFields fields(StoredEvent event) {
    return new StoredFields(
        event.aggregateIdentifier(),
        event.sequenceNumber(),
        event.eventIdentifier(),
        event.type(),
        event.timestamp(),
        event.payloadType(),
        event.payloadRevision(),
        event.payload(),
        event.metaData());
  }

  /** The outcome: intact, or the first broken link. */
  public record Verification(
      String aggregateIdentifier, int eventsChecked, boolean intact, BrokenLink firstBrokenLink) {

    static Verification broken(String aggregateIdentifier, int checked, BrokenLink link) {
      return new Verification(aggregateIdentifier, checked, false, link);
    }
  }

  /** Where the chain breaks: the event's sequence number, what is wrong, expected and found. */
  public record BrokenLink(long sequenceNumber, String problem, String expected, String found) {}
}
