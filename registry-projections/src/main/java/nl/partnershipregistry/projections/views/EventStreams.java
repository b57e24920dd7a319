package nl.partnershipregistry.projections.views;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

/**
 * One document per aggregate (a partnership or an organisation) holding its events as the
 * application's {@link Serializer} writes them, and {@code lastApplied}, the global position of the
 * last event applied to it.
 *
 * <pre>{ _id: "stbk", lastApplied: 2686976,
 *   events: [ { position, recordedAt, type, revision, payload } ... ] }</pre>
 *
 * Every read and write names the document by {@code _id}, the one lookup the embedded server
 * answers without scanning.
 */
public final class EventStreams<E> {

  private static final String LAST_APPLIED = "lastApplied";
  private static final String EVENTS = "events";

  private final MongoCollection<Document> collection;
  private final Serializer serializer;
  private final Class<E> eventType;

  public EventStreams(
      MongoDatabase database, String collectionName, Serializer serializer, Class<E> eventType) {
    this.collection = database.getCollection(collectionName);
    this.serializer = serializer;
    this.eventType = eventType;
  }

  /**
   * Adds an event to its stream unless an event at this position or later was applied already; a
   * redelivered event changes nothing.
   *
   * @return whether the event was added
   */
  public boolean append(String streamId, long position, Instant recordedAt, E event) {
    Map<String, List<StoredEvent<E>>> one = new LinkedHashMap<>();
    one.put(streamId, List.of(new StoredEvent<>(position, recordedAt, event)));
    return appendAll(one) == 1;
  }

  /**
   * Adds the events of several streams, each stream's in the order given, with one read of the
   * streams' {@code lastApplied} ({@code $in} on {@code _id}) and one write per stream ({@code
   * $push} with {@code $each} and {@code $set} of the highest position added), all writes in one
   * bulk request. Per stream the result is that of appending its events one by one: an event at or
   * below the position applied before it is left out.
   *
   * @return how many events were added
   */
  public int appendAll(Map<String, List<StoredEvent<E>>> eventsByStream) {
    if (eventsByStream.isEmpty()) {
      return 0;
    }
    Map<String, Long> applied = new HashMap<>();
    for (Document known :
        collection
            .find(
                eventsByStream.size() == 1
                    ? eq("_id", eventsByStream.keySet().iterator().next())
                    : in("_id", eventsByStream.keySet()))
            .projection(Projections.include(LAST_APPLIED))) {
      applied.put(known.getString("_id"), known.get(LAST_APPLIED, Number.class).longValue());
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    int added = 0;
    for (Map.Entry<String, List<StoredEvent<E>>> stream : eventsByStream.entrySet()) {
      long highest = applied.getOrDefault(stream.getKey(), Long.MIN_VALUE);
      List<Document> stored = new ArrayList<>();
      for (StoredEvent<E> event : stream.getValue()) {
        if (event.position() > highest) {
          stored.add(toDocument(event));
          highest = event.position();
        }
      }
      if (!stored.isEmpty()) {
        writes.add(
            new UpdateOneModel<>(
                eq("_id", stream.getKey()),
                Updates.combine(
                    Updates.pushEach(EVENTS, stored), Updates.set(LAST_APPLIED, highest)),
                new UpdateOptions().upsert(true)));
        added += stored.size();
      }
    }
    if (!writes.isEmpty()) {
      collection.bulkWrite(writes);
    }
    return added;
  }

  private Document toDocument(StoredEvent<E> event) {
    SerializedObject<String> serialized = serializer.serialize(event.event(), String.class);
    return new Document("position", event.position())
        .append("recordedAt", Date.from(event.recordedAt()))
        .append("type", serialized.getType().getName())
        .append("revision", serialized.getType().getRevision())
        .append("payload", serialized.getData());
  }

  /** The global position of the last event applied to a stream. */
  public Optional<Long> lastApplied(String streamId) {
    Document known =
        collection.find(eq("_id", streamId)).projection(Projections.include(LAST_APPLIED)).first();
    return Optional.ofNullable(known).map(d -> d.get(LAST_APPLIED, Number.class).longValue());
  }

  /**
   * The highest position applied to any stream: a scan that returns only {@code lastApplied}, for
   * lag, not for every request.
   */
  public OptionalLong highestApplied() {
    OptionalLong highest = OptionalLong.empty();
    for (Document document : collection.find().projection(Projections.include(LAST_APPLIED))) {
      long applied = document.get(LAST_APPLIED, Number.class).longValue();
      if (highest.isEmpty() || applied > highest.getAsLong()) {
        highest = OptionalLong.of(applied);
      }
    }
    return highest;
  }

  /** A stream's events in the order they were applied, or empty if none was. */
  public Optional<List<StoredEvent<E>>> load(String streamId) {
    return Optional.ofNullable(collection.find(eq("_id", streamId)).first()).map(this::events);
  }

  /** The events of several streams, by stream id; streams without events are left out. */
  public Map<String, List<StoredEvent<E>>> load(Collection<String> streamIds) {
    Map<String, List<StoredEvent<E>>> found = new LinkedHashMap<>();
    if (streamIds.isEmpty()) {
      return found;
    }
    for (Document document : collection.find(in("_id", streamIds))) {
      found.put(document.getString("_id"), events(document));
    }
    return found;
  }

  /** Every stream, one at a time: a scan, for questions across all aggregates. */
  public void forEach(Consumer<List<StoredEvent<E>>> action) {
    for (Document document : collection.find()) {
      action.accept(events(document));
    }
  }

  /** Forgets everything, for a rebuild. */
  public void clear() {
    collection.deleteMany(new Document());
  }

  private List<StoredEvent<E>> events(Document document) {
    List<StoredEvent<E>> events = new ArrayList<>();
    for (Document stored : document.getList(EVENTS, Document.class, List.of())) {
      SimpleSerializedObject<String> serialized =
          new SimpleSerializedObject<>(
              stored.getString("payload"),
              String.class,
              stored.getString("type"),
              stored.getString("revision"));
      Object event = serializer.deserialize(serialized);
      events.add(
          new StoredEvent<>(
              stored.get("position", Number.class).longValue(),
              stored.getDate("recordedAt").toInstant(),
              eventType.cast(event)));
    }
    events.sort(Comparator.comparingLong(StoredEvent::position));
    return events;
  }
}
