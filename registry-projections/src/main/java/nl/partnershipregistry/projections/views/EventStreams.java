package nl.partnershipregistry.projections.views;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The events of each aggregate (a partnership or an organisation) as the application's {@link
 * Serializer} writes them, in chunks of at most {@value #CHUNK} events, and a small head per
 * aggregate with {@code lastApplied}, the global position of the last event applied to it, and how
 * its events are chunked:
 *
 * <pre>{ _id: "stbk", lastApplied: 2686976, chunks: 3, last: 17 }
 * { _id: "stbk#0", events: [ "2686 2019-09-01T10:00:00Z nl...PartnerJoined\n{...}", ... ] }
 * { _id: "stbk#1", events: [ ... ] }
 * { _id: "stbk#2", events: [ ... 17 events ] }</pre>
 *
 * <p>An event in a chunk is one text ({@link ChunkedEvent}): a first line with its global position,
 * when it was recorded (to the millisecond) and its serialized type and revision, then its payload
 * as the serializer wrote it. One value per event rather than a sub-document of five halves what
 * the embedded server spends decoding, copying and encoding a chunk. Chunks written before hold
 * events as sub-documents ({@code { position, recordedAt, type, revision, payload }}); both are
 * read, side by side in one chunk too, so data written before need no rewrite.
 *
 * <p>A write touches the head and the last chunk or two, never the events before them, so an event
 * costs the same to write at an aggregate's 10th event and at its 10,000th; and no document grows
 * without bound (a real MongoDB refuses documents over 16 MB). Identifiers never hold {@code #}
 * ({@code Require.identifier}), so a chunk's {@code _id} is never an aggregate's.
 *
 * <p>Every read and write names its documents by {@code _id}, the one lookup the embedded server
 * answers without scanning: the heads first, then their chunks with {@code $in}.
 *
 * <p>A head is written after its chunks and is what marks events as applied. Events are added to a
 * chunk with {@code $addToSet}, which leaves out an event the chunk holds already, so a write that
 * failed between its chunks and its head, delivered again, adds nothing twice; and a reader takes
 * from the chunks only the events up to the head's {@code lastApplied}.
 */
public final class EventStreams<E> {

  /**
   * Events per chunk: writing an event rewrites its chunk, so the chunk's size bounds a write's
   * cost, and loading an aggregate of n events reads n / {@value} chunks.
   */
  public static final int CHUNK = 50;

  private static final String LAST_APPLIED = "lastApplied";
  private static final String CHUNKS = "chunks";
  private static final String LAST = "last";
  private static final String EVENTS = "events";
  private static final char CHUNK_SEPARATOR = '#';

  /** Where a stream stands: its last position applied and the events in its last chunk. */
  private record Head(long lastApplied, int chunks, int last) {

    static final Head NONE = new Head(Long.MIN_VALUE, 0, 0);

    static Head of(Document document) {
      return new Head(
          document.get(LAST_APPLIED, Number.class).longValue(),
          document.get(CHUNKS, Number.class).intValue(),
          document.get(LAST, Number.class).intValue());
    }
  }

  private final MongoCollection<Document> collection;
  private final Serializer serializer;
  private final Class<E> eventType;

  public EventStreams(
      MongoDatabase database, String collectionName, Serializer serializer, Class<E> eventType) {
    this.collection = database.getCollection(collectionName);
    this.serializer = serializer;
    this.eventType = eventType;
  }

  /** The {@code _id} of a stream's chunk. */
  static String chunkId(String streamId, int chunk) {
    return streamId + CHUNK_SEPARATOR + chunk;
  }

  private static boolean isChunk(String id) {
    return id.indexOf(CHUNK_SEPARATOR) >= 0;
  }

  private static String streamOf(String chunkId) {
    return chunkId.substring(0, chunkId.lastIndexOf(CHUNK_SEPARATOR));
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
   * Adds the events of several streams, each stream's in the order given: {@link #write} of the
   * events as the application's serializer writes them.
   *
   * @return how many events were added
   */
  public int appendAll(Map<String, List<StoredEvent<E>>> eventsByStream) {
    Map<String, List<Written>> written = new LinkedHashMap<>();
    eventsByStream.forEach(
        (id, events) -> {
          List<Written> texts = new ArrayList<>(events.size());
          for (StoredEvent<E> event : events) {
            texts.add(
                new Written(
                    event.position(),
                    event.recordedAt(),
                    serializer.serialize(event.event(), String.class)));
          }
          written.put(id, texts);
        });
    return write(written);
  }

  /**
   * An event to write to its stream: its global position, when it was recorded, and its text as the
   * application's serializer writes it (the text stored in the event store, when the serializers
   * are the same).
   */
  record Written(long position, Instant recordedAt, SerializedObject<String> text) {}

  /**
   * Adds the events of several streams, each stream's in the order given, with one read of the
   * streams' heads ({@code $in} on {@code _id}) and one bulk request: per stream a {@code
   * $addToSet} of its new events to its last chunk and, once that is full, new chunks written
   * whole, then its head. Per stream the result is that of appending its events one by one: an
   * event at or below the position applied before it is left out.
   *
   * @return how many events were added
   */
  int write(Map<String, List<Written>> eventsByStream) {
    return write(eventsByStream, null);
  }

  /**
   * What one writer filling emptied streams, alone, knows of them: the heads it wrote. Its writes
   * read no head, and insert the documents that do not exist yet rather than look for them. Writes
   * of different streams may run side by side.
   */
  static final class Filling {
    private final Map<String, Head> heads = new ConcurrentHashMap<>();
  }

  /**
   * {@link #write(Map)}, by the one writer of emptied streams when {@code filling} is given: the
   * heads are those it wrote before, and a stream's new chunks and a new stream's head are
   * inserted.
   */
  int write(Map<String, List<Written>> eventsByStream, Filling filling) {
    if (eventsByStream.isEmpty()) {
      return 0;
    }
    Map<String, Head> heads = filling == null ? heads(eventsByStream.keySet()) : filling.heads;
    Map<String, Head> written = new HashMap<>();
    boolean fresh = filling != null;
    List<WriteModel<Document>> writes = new ArrayList<>();
    int added = 0;
    for (Map.Entry<String, List<Written>> stream : eventsByStream.entrySet()) {
      String id = stream.getKey();
      Head head = heads.getOrDefault(id, Head.NONE);
      long highest = head.lastApplied();
      int chunks = head.chunks();
      int last = head.last();
      List<Object> chunk = new ArrayList<>();
      for (Written event : stream.getValue()) {
        if (event.position() <= highest) {
          continue;
        }
        if (chunks == 0 || last == CHUNK) {
          addToChunk(writes, id, chunks - 1, chunks > head.chunks(), fresh, chunk);
          chunk = new ArrayList<>();
          chunks++;
          last = 0;
        }
        chunk.add(toStored(event));
        last++;
        highest = event.position();
        added++;
      }
      if (highest == head.lastApplied()) {
        continue;
      }
      addToChunk(writes, id, chunks - 1, chunks > head.chunks(), fresh, chunk);
      Document newHead =
          new Document("_id", id)
              .append(LAST_APPLIED, highest)
              .append(CHUNKS, chunks)
              .append(LAST, last);
      writes.add(
          fresh && head == Head.NONE
              ? new InsertOneModel<>(newHead)
              : new ReplaceOneModel<>(eq("_id", id), newHead, new ReplaceOptions().upsert(true)));
      written.put(id, new Head(highest, chunks, last));
    }
    if (!writes.isEmpty()) {
      collection.bulkWrite(writes);
    }
    if (fresh) {
      filling.heads.putAll(written);
    }
    return added;
  }

  /**
   * The write of {@code events} into a chunk: a chunk the head counts already gets them with {@code
   * $addToSet}; a chunk after those is written whole (a chunk left by a write cut short before its
   * head held the same events from the same point on, so replacing it loses nothing), or inserted
   * into {@code fresh} streams, which hold no chunk beyond their heads.
   */
  private static void addToChunk(
      List<WriteModel<Document>> writes,
      String streamId,
      int chunk,
      boolean beyondHead,
      boolean fresh,
      List<Object> events) {
    if (events.isEmpty()) {
      return;
    }
    String chunkId = chunkId(streamId, chunk);
    Document whole = new Document("_id", chunkId).append(EVENTS, events);
    writes.add(
        beyondHead && fresh
            ? new InsertOneModel<>(whole)
            : beyondHead
                ? new ReplaceOneModel<>(
                    eq("_id", chunkId), whole, new ReplaceOptions().upsert(true))
                : new UpdateOneModel<>(
                    eq("_id", chunkId),
                    Updates.addEachToSet(EVENTS, events),
                    new UpdateOptions().upsert(true)));
  }

  private Map<String, Head> heads(Collection<String> streamIds) {
    Map<String, Head> heads = new HashMap<>();
    for (Document head :
        collection.find(
            streamIds.size() == 1
                ? eq("_id", streamIds.iterator().next())
                : in("_id", streamIds))) {
      heads.put(head.getString("_id"), Head.of(head));
    }
    return heads;
  }

  private static Object toStored(Written event) {
    return ChunkedEvent.write(event.position(), event.recordedAt(), event.text());
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
      Number applied = document.get(LAST_APPLIED, Number.class);
      if (applied != null && (highest.isEmpty() || applied.longValue() > highest.getAsLong())) {
        highest = OptionalLong.of(applied.longValue());
      }
    }
    return highest;
  }

  /** A stream's events in the order they were applied, or empty if none was. */
  public Optional<List<StoredEvent<E>>> load(String streamId) {
    return Optional.ofNullable(load(List.of(streamId)).get(streamId));
  }

  /**
   * The events of several streams, by stream id; streams without events are left out. Two reads:
   * the heads, then their chunks: of a long stream read before ({@link #KEPT_FROM_CHUNKS}), only
   * the chunks written since, none if its head has not moved.
   */
  public Map<String, List<StoredEvent<E>>> load(Collection<String> streamIds) {
    Map<String, List<StoredEvent<E>>> found = new LinkedHashMap<>();
    if (streamIds.isEmpty()) {
      return found;
    }
    Map<String, Head> heads = heads(streamIds);
    Map<String, LongStream<E>> readAfter = new HashMap<>();
    List<String> chunkIds = new ArrayList<>();
    for (String id : streamIds) {
      Head head = heads.get(id);
      if (head == null) {
        continue;
      }
      LongStream<E> kept = longStreams.get(id);
      int from = 0;
      if (kept != null && kept.lastApplied() == head.lastApplied()) {
        found.put(id, kept.events());
        continue;
      }
      if (kept != null
          && kept.lastApplied() < head.lastApplied()
          && kept.chunks() <= head.chunks()) {
        // Only the chunk it ended in, which may have been added to since, and the chunks after it.
        from = kept.chunks() - 1;
        readAfter.put(id, kept);
      }
      for (int chunk = from; chunk < head.chunks(); chunk++) {
        chunkIds.add(chunkId(id, chunk));
      }
    }
    Map<String, List<Object>> stored = new HashMap<>();
    if (!chunkIds.isEmpty()) {
      for (Document chunk :
          collection.find(
              chunkIds.size() == 1 ? eq("_id", chunkIds.get(0)) : in("_id", chunkIds))) {
        stored
            .computeIfAbsent(streamOf(chunk.getString("_id")), k -> new ArrayList<>())
            .addAll(chunk.getList(EVENTS, Object.class, List.of()));
      }
    }
    for (String id : streamIds) {
      Head head = heads.get(id);
      if (head == null || found.containsKey(id)) {
        continue;
      }
      LongStream<E> kept = readAfter.get(id);
      List<Object> chunks = stored.getOrDefault(id, List.of());
      List<StoredEvent<E>> events =
          kept == null
              ? events(chunks, Long.MIN_VALUE, head.lastApplied())
              : appended(kept, events(chunks, kept.lastApplied(), head.lastApplied()));
      if (head.chunks() >= KEPT_FROM_CHUNKS) {
        events = Collections.unmodifiableList(events);
        keep(id, head, events);
      }
      found.put(id, events);
    }
    return found;
  }

  /**
   * Streams of at least this many chunks keep their events as read, so that reading them again
   * reads only the chunks written since: a partnership of 10,000 events took every question about
   * it, and every question across partnerships after a write to it, through 200 chunks and 10,000
   * events read from their text again.
   */
  static final int KEPT_FROM_CHUNKS = 20;

  /** The most events kept across streams ({@link #KEPT_FROM_CHUNKS}). */
  static final int KEPT_EVENTS = 100_000;

  /** A long stream's events as read, up to its last position applied then. */
  private record LongStream<E>(long lastApplied, int chunks, List<StoredEvent<E>> events) {}

  private final Map<String, LongStream<E>> longStreams = new ConcurrentHashMap<>();

  private void keep(String id, Head head, List<StoredEvent<E>> events) {
    synchronized (longStreams) {
      LongStream<E> before = longStreams.get(id);
      int kept = 0;
      for (LongStream<E> stream : longStreams.values()) {
        kept += stream.events().size();
      }
      kept -= before == null ? 0 : before.events().size();
      if (kept + events.size() > KEPT_EVENTS) {
        longStreams.remove(id);
        return;
      }
      if (before == null || before.lastApplied() <= head.lastApplied()) {
        longStreams.put(id, new LongStream<>(head.lastApplied(), head.chunks(), events));
      }
    }
  }

  /** The events kept of a long stream followed by those read after them. */
  private static <E> List<StoredEvent<E>> appended(LongStream<E> kept, List<StoredEvent<E>> after) {
    List<StoredEvent<E>> all = new ArrayList<>(kept.events().size() + after.size());
    all.addAll(kept.events());
    all.addAll(after);
    return all;
  }

  /**
   * Every stream, one at a time: a scan, for questions across all aggregates. The scan meets a
   * stream's chunks in any order, so the streams are gathered whole before the first is handed on.
   */
  public void forEach(Consumer<List<StoredEvent<E>>> action) {
    Map<String, Long> applied = new LinkedHashMap<>();
    Map<String, List<Object>> stored = new HashMap<>();
    for (Document document : collection.find()) {
      String id = document.getString("_id");
      if (isChunk(id)) {
        stored
            .computeIfAbsent(streamOf(id), k -> new ArrayList<>())
            .addAll(document.getList(EVENTS, Object.class, List.of()));
      } else {
        applied.put(id, document.get(LAST_APPLIED, Number.class).longValue());
      }
    }
    applied.forEach(
        (id, lastApplied) ->
            action.accept(events(stored.getOrDefault(id, List.of()), lastApplied)));
  }

  /** Forgets everything, for a rebuild. */
  public void clear() {
    longStreams.clear();
    ReadModels.empty(collection);
  }

  /**
   * Rewrites streams kept in the earlier format, one document per stream with all its events (and
   * no {@code chunks}), as a head and chunks; a stream already chunked is left alone. Each stream's
   * chunks are written before its head replaces the old document, so an upgrade cut short is done
   * again whole at the next.
   *
   * @return how many streams were rewritten
   */
  int upgrade() {
    List<String> old = new ArrayList<>();
    for (Document document :
        collection.find().projection(Projections.include(CHUNKS, LAST_APPLIED))) {
      String id = document.getString("_id");
      if (!isChunk(id) && !document.containsKey(CHUNKS)) {
        old.add(id);
      }
    }
    for (String id : old) {
      Document document = collection.find(eq("_id", id)).first();
      if (document == null || document.containsKey(CHUNKS)) {
        continue;
      }
      List<Object> events = document.getList(EVENTS, Object.class, List.of());
      List<WriteModel<Document>> writes = new ArrayList<>();
      int chunks = Math.max(1, (events.size() + CHUNK - 1) / CHUNK);
      for (int chunk = 0; chunk < chunks; chunk++) {
        List<Object> part =
            events.subList(chunk * CHUNK, Math.min(events.size(), (chunk + 1) * CHUNK));
        writes.add(
            new ReplaceOneModel<>(
                eq("_id", chunkId(id, chunk)),
                new Document("_id", chunkId(id, chunk)).append(EVENTS, part),
                new ReplaceOptions().upsert(true)));
      }
      writes.add(
          new ReplaceOneModel<>(
              eq("_id", id),
              new Document("_id", id)
                  .append(LAST_APPLIED, document.get(LAST_APPLIED))
                  .append(CHUNKS, chunks)
                  .append(LAST, events.size() - (chunks - 1) * CHUNK)));
      collection.bulkWrite(writes);
    }
    return old.size();
  }

  /** The stored events up to {@code lastApplied}, once each, in position order. */
  private List<StoredEvent<E>> events(List<Object> stored, long lastApplied) {
    return events(stored, Long.MIN_VALUE, lastApplied);
  }

  /** The stored events after {@code after} and up to {@code lastApplied}, in position order. */
  private List<StoredEvent<E>> events(List<Object> stored, long after, long lastApplied) {
    List<ChunkedEvent> applied = new ArrayList<>(stored.size());
    for (Object element : stored) {
      ChunkedEvent event = ChunkedEvent.read(element);
      if (event.position() > after && event.position() <= lastApplied) {
        applied.add(event);
      }
    }
    applied.sort(Comparator.comparingLong(ChunkedEvent::position));
    List<StoredEvent<E>> events = new ArrayList<>(applied.size());
    long previous = Long.MIN_VALUE;
    for (ChunkedEvent event : applied) {
      if (event.position() == previous) {
        continue;
      }
      previous = event.position();
      events.add(
          new StoredEvent<>(
              event.position(),
              event.recordedAt(),
              eventType.cast(serializer.deserialize(event.serialized()))));
    }
    return events;
  }
}
