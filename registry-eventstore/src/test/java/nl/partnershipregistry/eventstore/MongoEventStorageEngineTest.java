package nl.partnershipregistry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoEventStorageEngineTest {

  private static EmbeddedMongo mongo;

  private MongoDatabase database;
  private MongoEventStorageEngine engine;

  @BeforeAll
  static void startServer() {
    mongo = new EmbeddedMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @BeforeEach
  void setUp() {
    database = mongo.newDatabase();
    engine = MongoEventStorageEngine.builder().database(database).build();
  }

  @Test
  void eight_writers_of_two_instances_on_overlapping_aggregates_lose_duplicate_and_reorder_nothing()
      throws Exception {
    // Two engines on one database stand for two instances of the registry: their writers race
    // for the same commit numbers as well as for the same aggregate sequences.
    List<MongoEventStorageEngine> instances =
        List.of(engine, MongoEventStorageEngine.builder().database(database).build());
    int writers = 8;
    int appendsPerWriter = 60;
    List<String> aggregates = List.of("a", "b", "c", "d");
    AtomicInteger conflicts = new AtomicInteger();
    Map<String, List<String>> acceptedByAggregate = new HashMap<>();
    aggregates.forEach(
        a -> acceptedByAggregate.put(a, Collections.synchronizedList(new ArrayList<>())));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      MongoEventStorageEngine writer = instances.get(w % 2);
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < appendsPerWriter; i++) {
                  String aggregate = aggregates.get(ThreadLocalRandom.current().nextInt(4));
                  while (true) {
                    long next = writer.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L);
                    DomainEventMessage<?> event = event(aggregate, next);
                    try {
                      writer.appendEvents(event);
                      acceptedByAggregate.get(aggregate).add(event.getIdentifier());
                      break;
                    } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                      conflicts.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    List<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false).toList();
    assertThat(stream).hasSize(writers * appendsPerWriter);
    assertThat(stream.stream().map(TrackedEventMessage::getIdentifier).distinct())
        .hasSize(stream.size());
    Map<String, Long> lastSequence = new HashMap<>();
    long lastPosition = -1;
    for (TrackedEventMessage<?> tracked : stream) {
      DomainEventMessage<?> event = (DomainEventMessage<?>) tracked;
      long expected = lastSequence.getOrDefault(event.getAggregateIdentifier(), -1L) + 1;
      assertThat(event.getSequenceNumber())
          .as("sequence of %s", event.getAggregateIdentifier())
          .isEqualTo(expected);
      lastSequence.put(event.getAggregateIdentifier(), event.getSequenceNumber());
      long position = position(tracked.trackingToken());
      assertThat(position).isGreaterThan(lastPosition);
      lastPosition = position;
    }
    for (String aggregate : aggregates) {
      assertThat(
              engine
                  .readEvents(aggregate)
                  .asStream()
                  .map(DomainEventMessage::getIdentifier)
                  .toList())
          .as("events of %s in the order they were accepted", aggregate)
          .containsExactlyInAnyOrderElementsOf(acceptedByAggregate.get(aggregate));
    }
    long head = engine.head();
    assertThat(head + 1).as("one commit per accepted append").isEqualTo(writers * appendsPerWriter);
    assertThat(engine.commitsFrom(0, (int) head + 1))
        .as("commit numbers without a gap")
        .hasSize((int) head + 1);
    assertThat(conflicts.get()).as("the writers did collide on aggregate sequences").isPositive();
    assertThat(instances.stream().mapToLong(MongoEventStorageEngine::commitNumberCollisions).sum())
        .as("the instances did collide on commit numbers")
        .isPositive();
  }

  @Test
  void a_second_event_for_the_same_aggregate_sequence_is_a_concurrency_conflict() {
    engine.appendEvents(event("stbk", 0), event("stbk", 1));

    assertThatThrownBy(() -> engine.appendEvents(event("stbk", 1)))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(engine.readEvents("stbk").asStream().count()).isEqualTo(2);
  }

  @Test
  void a_reader_stops_at_a_commit_number_not_yet_stored_and_picks_it_up_later() {
    engine.appendEvents(event("a", 0));
    engine.appendEvents(event("a", 1));
    MongoCollection<Document> commits = database.getCollection(MongoEventStorageEngine.COMMITS);
    // A writer that took number 2 is slow; number 3 is already there.
    Document late = commits.find(Filters.eq("_id", 1L)).first();
    commits.insertOne(commitLike(late, 3, "b"));

    List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, false).toList();
    assertThat(first)
        .extracting(e -> ((DomainEventMessage<?>) e).getSequenceNumber())
        .containsExactly(0L, 1L);

    commits.insertOne(commitLike(late, 2, "c"));
    TrackingToken lastSeen = first.get(first.size() - 1).trackingToken();
    List<? extends TrackedEventMessage<?>> rest = engine.readEvents(lastSeen, false).toList();
    assertThat(rest)
        .extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
        .containsExactly("c", "b");
  }

  @Test
  void an_append_retried_after_it_succeeded_is_stored_once() {
    DomainEventMessage<?> first = event("stbk", 0);
    DomainEventMessage<?> second = event("stbk", 1);
    engine.appendEvents(first, second);

    engine.appendEvents(first, second);

    assertThat(engine.readEvents(null, false).count()).isEqualTo(2);
    assertThat(engine.head()).isZero();
  }

  @Test
  void two_events_with_one_key_in_one_append_are_refused() {
    assertThatThrownBy(() -> engine.appendEvents(event("stbk", 3), event("stbk", 3)))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(engine.head()).isEqualTo(-1);
  }

  @Test
  void the_hash_chain_holds_and_tampering_is_found_at_the_first_broken_link() {
    engine.appendEvents(event("stbk", 0), event("stbk", 1));
    engine.appendEvents(event("other", 0));
    engine.appendEvents(event("stbk", 2));
    engine.appendEvents(event("stbk", 3), event("stbk", 4));
    HashChainVerifier verifier = new HashChainVerifier(engine);

    HashChainVerifier.Verification intact = verifier.verify("stbk");
    assertThat(intact.firstBrokenLink()).isNull();
    assertThat(intact.intact()).isTrue();
    assertThat(intact.eventsChecked()).isEqualTo(5);

    MongoCollection<Document> commits = database.getCollection(MongoEventStorageEngine.COMMITS);
    commits.updateOne(
        Filters.eq("_id", 2L), Updates.set("events.0.payload", "\"a different payload\""));

    HashChainVerifier.Verification tampered = verifier.verify("stbk");
    assertThat(tampered.intact()).isFalse();
    assertThat(tampered.firstBrokenLink().sequenceNumber()).isEqualTo(2);
    assertThat(tampered.firstBrokenLink().problem()).contains("content");
    assertThat(verifier.verify("other").intact()).isTrue();
  }

  @Test
  void a_removed_event_breaks_the_link_of_the_event_after_it() {
    engine.appendEvents(event("stbk", 0));
    engine.appendEvents(event("stbk", 1));
    engine.appendEvents(event("stbk", 2));
    database.getCollection(MongoEventStorageEngine.COMMITS).deleteOne(Filters.eq("_id", 1L));

    HashChainVerifier.Verification verification = new HashChainVerifier(engine).verify("stbk");

    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenLink().sequenceNumber()).isEqualTo(2);
    assertThat(verification.firstBrokenLink().problem()).contains("previousHash");
  }

  @Test
  void every_broken_link_is_reported_so_that_a_later_change_is_not_hidden_by_an_earlier_one() {
    for (long sequence = 0; sequence < 5; sequence++) {
      engine.appendEvents(event("stbk", sequence));
    }
    MongoCollection<Document> commits = database.getCollection(MongoEventStorageEngine.COMMITS);
    commits.updateOne(Filters.eq("_id", 1L), Updates.set("events.0.payload", "\"changed\""));
    commits.deleteOne(Filters.eq("_id", 3L));
    commits.updateOne(
        Filters.eq("_id", 4L), Updates.set("events.0.metaData", "{\"by\":\"someone else\"}"));

    HashChainVerifier.Verification verification = new HashChainVerifier(engine).verify("stbk");

    assertThat(verification.intact()).isFalse();
    assertThat(verification.eventsChecked()).isEqualTo(4);
    assertThat(verification.brokenLinks())
        .extracting(HashChainVerifier.BrokenLink::sequenceNumber)
        .containsExactly(1L, 4L, 4L);
    assertThat(verification.brokenLinks().get(0).problem()).contains("content");
    assertThat(verification.brokenLinks().get(1).problem()).contains("previousHash");
    assertThat(verification.brokenLinks().get(2).problem()).contains("content");
    assertThat(verification.firstBrokenLink()).isEqualTo(verification.brokenLinks().get(0));
  }

  @Test
  void appends_waiting_for_their_turn_are_stored_together_and_each_gets_its_own_outcome()
      throws Exception {
    engine.appendEvents(event("taken", 0));
    RecordingDatabase recording = new RecordingDatabase(database);
    MongoEventStorageEngine writer =
        MongoEventStorageEngine.builder().database(recording.database()).build();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      // The first writer holds the turn inside its insert while three more queue behind it.
      List<Future<?>> appends =
          appendWithQueueBehindFirst(
              recording,
              writer,
              writers,
              documents -> {},
              event("first", 0),
              event("second", 0),
              event("taken", 0),
              event("fourth", 0));

      appends.get(0).get(10, TimeUnit.SECONDS);
      appends.get(1).get(10, TimeUnit.SECONDS);
      appends.get(3).get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> appends.get(2).get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(AggregateStreamCreationException.class);
    } finally {
      writers.shutdownNow();
    }

    // The three queued behind the first writer went to the server in one insert.
    assertThat(recording.insertSizes()).contains(3);
    List<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false).toList();
    assertThat(stream)
        .extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
        .containsExactlyInAnyOrder("taken", "first", "second", "fourth");
    assertThat(stream)
        .extracting(e -> position(e.trackingToken()) / MongoEventStorageEngine.EVENTS_PER_COMMIT)
        .containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void when_the_insert_of_a_group_fails_every_writer_of_the_group_hears_of_it() throws Exception {
    RecordingDatabase recording = new RecordingDatabase(database);
    MongoEventStorageEngine writer =
        MongoEventStorageEngine.builder().database(recording.database()).build();
    ExecutorService writers = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> appends =
          appendWithQueueBehindFirst(
              recording,
              writer,
              writers,
              documents -> {
                if (documents > 1) {
                  throw new MongoException("the server went away");
                }
              },
              event("first", 0),
              event("second", 0),
              event("third", 0));

      appends.get(0).get(10, TimeUnit.SECONDS);
      for (Future<?> queued : appends.subList(1, 3)) {
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(MongoException.class)
            .hasMessageContaining("the server went away");
      }
    } finally {
      writers.shutdownNow();
    }

    recording.beforeInsert(documents -> {});
    writer.appendEvents(event("after", 0));
    assertThat(engine.readEvents(null, false).toList())
        .extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
        .containsExactly("first", "after");
  }

  /** An engine reading commits seven at a time over {@code events} appends, one event each. */
  private MongoEventStorageEngine readingSevenAtATime(int events) {
    MongoEventStorageEngine small =
        MongoEventStorageEngine.builder().database(database).batchSize(7).build();
    for (int i = 0; i < events; i++) {
      small.appendEvents(event("agg-" + (i % 13), i / 13));
    }
    return small;
  }

  @Test
  void a_reader_far_behind_reads_ahead_and_still_gets_every_event_once_in_order() {
    MongoEventStorageEngine small = readingSevenAtATime(300);

    List<Long> positions =
        small.readEvents(null, false).map(e -> position(e.trackingToken())).toList();

    assertThat(positions).hasSize(300);
    assertThat(positions).isSorted().doesNotHaveDuplicates();
    try (var stream = small.readEvents(null, false)) {
      assertThat(stream.limit(10).count()).isEqualTo(10);
    }
    assertThat(small.readEvents(new GlobalSequenceTrackingToken(positions.get(299)), false).count())
        .isEqualTo(0);
  }

  @Test
  void batches_read_ahead_beyond_a_commit_not_yet_stored_are_not_handed_out() {
    MongoEventStorageEngine small = readingSevenAtATime(60);
    MongoCollection<Document> commits = database.getCollection(MongoEventStorageEngine.COMMITS);
    // The writer of commit 17 is slow: its number is taken, the commits after it are there. A
    // reader
    // far behind fetches the batches from commit 14 and from 21 on while it reads the one before.
    Document late = commits.findOneAndDelete(Filters.eq("_id", 17L));

    List<? extends TrackedEventMessage<?>> first = small.readEvents(null, false).toList();
    assertThat(first)
        .extracting(e -> position(e.trackingToken()))
        .isEqualTo(
            LongStream.range(0, 17)
                .map(commit -> commit * MongoEventStorageEngine.EVENTS_PER_COMMIT)
                .boxed()
                .toList());

    commits.insertOne(late);
    TrackingToken lastSeen = first.get(first.size() - 1).trackingToken();
    assertThat(small.readEvents(lastSeen, false).map(e -> position(e.trackingToken())).toList())
        .isEqualTo(
            LongStream.range(17, 60)
                .map(commit -> commit * MongoEventStorageEngine.EVENTS_PER_COMMIT)
                .boxed()
                .toList());
  }

  @Test
  void a_stream_closed_while_its_next_batch_is_read_ahead_ends_rather_than_failing() {
    MongoEventStorageEngine small = readingSevenAtATime(300);
    // Axon closes a stream from the thread that shuts it down while its own thread reads on.
    Stream<? extends TrackedEventMessage<?>> stream = small.readEvents(null, false);
    Iterator<? extends TrackedEventMessage<?>> reader = stream.iterator();
    int read = 0;
    while (read < 7) {
      reader.next();
      read++;
    }
    stream.close();

    while (reader.hasNext()) {
      reader.next();
      read++;
    }
    assertThat(read).isLessThan(300);
  }

  @Test
  void a_read_that_fails_ahead_of_the_reader_reaches_the_reader_after_the_events_before_it() {
    for (int i = 0; i < 30; i++) {
      engine.appendEvents(event("agg-" + (i % 3), i / 3));
    }
    RecordingDatabase recording = new RecordingDatabase(database);
    MongoEventStorageEngine reader =
        MongoEventStorageEngine.builder().database(recording.database()).batchSize(5).build();
    AtomicInteger finds = new AtomicInteger();
    recording.beforeFind(
        () -> {
          if (finds.incrementAndGet() == 3) {
            throw new MongoException("the server went away");
          }
        });
    List<Long> delivered = new ArrayList<>();

    assertThatThrownBy(
            () ->
                reader
                    .readEvents(null, false)
                    .forEach(e -> delivered.add(position(e.trackingToken()))))
        .isInstanceOf(MongoException.class)
        .hasMessage("the server went away");
    // What was read before the failure was delivered from the start, in order, without a gap: at
    // least the first read's five events (Axon's deserializing stream looks one event ahead, so
    // the failure of the third read may surface before the last event of the second).
    assertThat(delivered).hasSizeBetween(5, 10);
    assertThat(delivered)
        .isEqualTo(
            LongStream.range(0, delivered.size())
                .map(commit -> commit * MongoEventStorageEngine.EVENTS_PER_COMMIT)
                .boxed()
                .toList());
  }

  @Test
  void a_reader_fetching_one_commit_at_a_time_gets_past_commits_of_several_events() {
    MongoEventStorageEngine one =
        MongoEventStorageEngine.builder().database(database).batchSize(1).build();
    one.appendEvents(event("a", 0), event("a", 1));
    one.appendEvents(event("b", 0), event("b", 1));
    one.appendEvents(event("c", 0), event("c", 1));

    assertThat(
            one.readEvents(null, false)
                .map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()))
        .containsExactly("a", "a", "b", "b", "c", "c");
  }

  /**
   * Appends {@code first} through {@code writer} and holds it inside its insert until the {@code
   * queued} appends, started next, all wait for their turn behind it; then lets it go. Inserts
   * after the first go through {@code laterInserts} (which may throw). Returns the appends'
   * futures, the first one's first.
   */
  private static List<Future<?>> appendWithQueueBehindFirst(
      RecordingDatabase recording,
      MongoEventStorageEngine writer,
      ExecutorService writers,
      IntConsumer laterInserts,
      DomainEventMessage<?> first,
      DomainEventMessage<?>... queued)
      throws InterruptedException {
    CountDownLatch firstInsertStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    recording.beforeInsert(
        documents -> {
          if (firstInsertStarted.getCount() > 0) {
            firstInsertStarted.countDown();
            await(release);
          } else {
            laterInserts.accept(documents);
          }
        });
    List<Future<?>> appends = new ArrayList<>();
    appends.add(writers.submit(() -> writer.appendEvents(first)));
    assertThat(firstInsertStarted.await(10, TimeUnit.SECONDS)).isTrue();
    for (DomainEventMessage<?> event : queued) {
      appends.add(writers.submit(() -> writer.appendEvents(event)));
    }
    while (writer.appendsWaiting() < queued.length) {
      Thread.sleep(5);
    }
    release.countDown();
    return appends;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void reads_go_by_commit_number_and_event_key_never_by_scan() {
    for (int i = 0; i < 50; i++) {
      engine.appendEvents(event("agg-" + (i % 10), i / 10));
    }
    RecordingDatabase recording = new RecordingDatabase(database);
    MongoEventStorageEngine reader =
        MongoEventStorageEngine.builder().database(recording.database()).build();
    recording.findFilters().clear();

    assertThat(reader.readEvents("agg-3").asStream().count()).isEqualTo(5);
    assertThat(reader.readEvents(null, false).count()).isEqualTo(50);

    List<BsonDocument> filters = recording.findFilters();
    assertThat(filters).isNotEmpty();
    assertThat(filters)
        .allSatisfy(
            filter ->
                assertThat(filter.keySet())
                    .as("filter %s", filter)
                    .containsAnyOf("_id", "events.key"));
  }

  private static DomainEventMessage<?> event(String aggregate, long sequence) {
    return new GenericDomainEventMessage<>(
        "Test", aggregate, sequence, "payload of " + aggregate + " " + sequence);
  }

  private static long position(TrackingToken token) {
    return token.position().orElseThrow();
  }

  /** A commit shaped like {@code template}, for another number and aggregate. */
  private static Document commitLike(Document template, long number, String aggregate) {
    Document event = new Document(template.getList("events", Document.class).get(0));
    event.put("aggregateIdentifier", aggregate);
    event.put("sequenceNumber", 0L);
    event.put("key", aggregate + ":0");
    event.put("eventIdentifier", "event-" + aggregate);
    return new Document("_id", number)
        .append("committedAt", template.get("committedAt"))
        .append("events", List.of(event));
  }
}
