package nl.partnershipregistry.eventstore;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import nl.partnershipregistry.core.common.IsoInstants;
import nl.partnershipregistry.eventstore.HashChain.StoredFields;
import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The stored format: the field names of a commit document, of the events in it and of a snapshot
 * document, each written here once, and the mapping between those documents and Axon's messages and
 * entries. Changing a name here changes the format of every store already written; {@code
 * docs/event-store.md} shows a commit document.
 */
final class CommitCodec {

  /** A commit's number; a snapshot's aggregate identifier. */
  static final String ID = "_id";

  static final String COMMITTED_AT = "committedAt";
  static final String EVENTS = "events";

  /** An event's {@code aggregateIdentifier:sequenceNumber}, unique over the store. */
  static final String KEY = "key";

  static final String EVENT_IDENTIFIER = "eventIdentifier";
  static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
  static final String SEQUENCE_NUMBER = "sequenceNumber";
  static final String TYPE = "type";
  static final String TIMESTAMP = "timestamp";
  static final String PAYLOAD_TYPE = "payloadType";
  static final String PAYLOAD_REVISION = "payloadRevision";
  static final String PAYLOAD = "payload";
  static final String META_DATA = "metaData";
  static final String PREVIOUS_HASH = "previousHash";
  static final String HASH = "hash";

  /** The paths of the two uniquely indexed event fields within a commit. */
  static final String EVENT_KEYS = EVENTS + "." + KEY;

  static final String EVENT_IDENTIFIERS = EVENTS + "." + EVENT_IDENTIFIER;

  private CommitCodec() {}

  // Commits

  static Document commit(long number, List<Document> events) {
    return new Document(ID, number).append(COMMITTED_AT, new Date()).append(EVENTS, events);
  }

  static long number(Document commit) {
    return commit.getLong(ID);
  }

  static List<Document> events(Document commit) {
    return commit.getList(EVENTS, Document.class);
  }

  // Events

  static String key(String aggregateIdentifier, long sequenceNumber) {
    return aggregateIdentifier + ":" + sequenceNumber;
  }

  /** The fields of {@code event} as they are stored and hashed. */
  static StoredFields fields(DomainEventMessage<?> event, Serializer serializer) {
    SerializedObject<String> payload = event.serializePayload(serializer, String.class);
    SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
    return new StoredFields(
        event.getAggregateIdentifier(),
        event.getSequenceNumber(),
        event.getIdentifier(),
        event.getType(),
        event.getTimestamp().toString(),
        payload.getType().getName(),
        payload.getType().getRevision(),
        payload.getData(),
        metaData.getData());
  }

  static Document event(StoredFields fields, String previousHash, String hash) {
    return new Document(KEY, key(fields.aggregateIdentifier(), fields.sequenceNumber()))
        .append(EVENT_IDENTIFIER, fields.eventIdentifier())
        .append(AGGREGATE_IDENTIFIER, fields.aggregateIdentifier())
        .append(SEQUENCE_NUMBER, fields.sequenceNumber())
        .append(TYPE, fields.aggregateType())
        .append(TIMESTAMP, fields.timestamp())
        .append(PAYLOAD_TYPE, fields.payloadType())
        .append(PAYLOAD_REVISION, fields.payloadRevision())
        .append(PAYLOAD, fields.payload())
        .append(META_DATA, fields.metaData())
        .append(PREVIOUS_HASH, previousHash)
        .append(HASH, hash);
  }

  static String key(Document event) {
    return event.getString(KEY);
  }

  static String eventIdentifier(Document event) {
    return event.getString(EVENT_IDENTIFIER);
  }

  static String aggregateIdentifier(Document event) {
    return event.getString(AGGREGATE_IDENTIFIER);
  }

  static long sequenceNumber(Document event) {
    return event.getLong(SEQUENCE_NUMBER);
  }

  static String hash(Document event) {
    return event.getString(HASH);
  }

  static Instant timestamp(Document event) {
    return Instant.parse(event.getString(TIMESTAMP));
  }

  /** One event exactly as stored, for exports and the hash chain's verifier. */
  static StoredEvent stored(long commit, int index, Document event) {
    return new StoredEvent(
        commit,
        index,
        event.getString(AGGREGATE_IDENTIFIER),
        event.getLong(SEQUENCE_NUMBER),
        event.getString(EVENT_IDENTIFIER),
        event.getString(TYPE),
        event.getString(TIMESTAMP),
        event.getString(PAYLOAD_TYPE),
        event.getString(PAYLOAD_REVISION),
        event.getString(PAYLOAD),
        event.getString(META_DATA),
        event.getString(PREVIOUS_HASH),
        event.getString(HASH));
  }

  /**
   * A stored event for Axon's stream. An event appended without an aggregate is stored the way
   * Axon's {@code EventUtils.asDomainEventMessage} presents it: its own identifier as aggregate
   * identifier, sequence 0 and no aggregate type. It reads back as the plain event it was.
   */
  static TrackedEventData<?> tracked(TrackingToken token, Document event) {
    boolean withoutAggregate =
        event.getString(TYPE) == null
            && event.getLong(SEQUENCE_NUMBER) == 0
            && event.getString(EVENT_IDENTIFIER).equals(event.getString(AGGREGATE_IDENTIFIER));
    return withoutAggregate
        ? new TrackedApplicationEvent(token, event)
        : new TrackedDomainEventData<>(token, entry(event));
  }

  /** A stored event, or a snapshot, as Axon's domain event entry. */
  static GenericDomainEventEntry<String> entry(Document event) {
    return new StoredEntry(
        event.getString(TYPE),
        event.getString(AGGREGATE_IDENTIFIER),
        event.getLong(SEQUENCE_NUMBER),
        event.getString(EVENT_IDENTIFIER),
        event.getString(TIMESTAMP),
        event.getString(PAYLOAD_TYPE),
        event.getString(PAYLOAD_REVISION),
        event.getString(PAYLOAD),
        event.getString(META_DATA));
  }

  // Snapshots

  /** A snapshot document: one per aggregate, under the aggregate's identifier. */
  static Document snapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
    SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
    return new Document(ID, snapshot.getAggregateIdentifier())
        .append(AGGREGATE_IDENTIFIER, snapshot.getAggregateIdentifier())
        .append(SEQUENCE_NUMBER, snapshot.getSequenceNumber())
        .append(EVENT_IDENTIFIER, snapshot.getIdentifier())
        .append(TYPE, snapshot.getType())
        .append(TIMESTAMP, snapshot.getTimestamp().toString())
        .append(PAYLOAD_TYPE, payload.getType().getName())
        .append(PAYLOAD_REVISION, payload.getType().getRevision())
        .append(PAYLOAD, payload.getData())
        .append(META_DATA, metaData.getData());
  }

  /** A tracked event that belongs to no aggregate. */
  private static final class TrackedApplicationEvent extends AbstractEventEntry<String>
      implements TrackedEventData<String> {

    private final TrackingToken token;
    private final String timestamp;

    TrackedApplicationEvent(TrackingToken token, Document event) {
      super(
          event.getString(EVENT_IDENTIFIER),
          event.getString(TIMESTAMP),
          event.getString(PAYLOAD_TYPE),
          event.getString(PAYLOAD_REVISION),
          event.getString(PAYLOAD),
          event.getString(META_DATA));
      this.token = token;
      this.timestamp = event.getString(TIMESTAMP);
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
}
