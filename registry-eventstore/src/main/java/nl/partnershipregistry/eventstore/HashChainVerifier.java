package nl.partnershipregistry.eventstore;

import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.eventstore.HashChain.StoredFields;

/**
 * Checks an aggregate's stored events against their hash chain and reports every broken link: an
 * event whose content no longer matches its hash (it was changed in the database), or whose {@code
 * previousHash} is not the hash of the event before it (one was removed or inserted). After a break
 * the check goes on from the stored hash of the event at the break, so one change is one break and
 * a later one is not hidden behind it.
 */
public class HashChainVerifier {

  private final MongoEventStorageEngine engine;

  public HashChainVerifier(MongoEventStorageEngine engine) {
    this.engine = engine;
  }

  public Verification verify(String aggregateIdentifier) {
    List<StoredEvent> events = engine.exportAggregate(aggregateIdentifier);
    List<BrokenLink> broken = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (StoredEvent event : events) {
      long sequence = event.sequenceNumber();
      String storedPrevious = event.previousHash();
      if (!previous.equals(storedPrevious)) {
        broken.add(
            new BrokenLink(
                sequence,
                "previousHash is not the hash of the event before",
                previous,
                storedPrevious));
      }
      String computed = HashChain.hash(fields(event), storedPrevious);
      String stored = event.hash();
      if (!computed.equals(stored)) {
        broken.add(
            new BrokenLink(
                sequence, "the event's content does not match its hash", computed, stored));
      }
      previous = stored;
    }
    return new Verification(aggregateIdentifier, events.size(), broken);
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

  /**
   * The outcome: intact, or every broken link in sequence order; {@code firstBrokenLink} is the
   * first of them (kept for clients that read only that).
   */
  public record Verification(
      String aggregateIdentifier,
      int eventsChecked,
      boolean intact,
      BrokenLink firstBrokenLink,
      List<BrokenLink> brokenLinks) {

    public Verification {
      brokenLinks = List.copyOf(brokenLinks);
    }

    Verification(String aggregateIdentifier, int eventsChecked, List<BrokenLink> brokenLinks) {
      this(
          aggregateIdentifier,
          eventsChecked,
          brokenLinks.isEmpty(),
          brokenLinks.isEmpty() ? null : brokenLinks.get(0),
          brokenLinks);
    }
  }

  /** Where the chain breaks: the event's sequence number, what is wrong, expected and found. */
  public record BrokenLink(long sequenceNumber, String problem, String expected, String found) {}
}
