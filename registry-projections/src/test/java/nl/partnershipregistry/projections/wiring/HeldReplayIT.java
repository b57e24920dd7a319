package nl.partnershipregistry.projections.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replay (the processor reset) holds its events from batch to batch and writes them when it has
 * held enough or has reached the last event stored when it began: the read models it writes are
 * those the live processor wrote, document for document; and a process that takes up a replay
 * stopped midway, whose held events went with the process that held them, reads them again from the
 * store and ends with the same read models.
 */
class HeldReplayIT {

  private static final int PARTNERSHIPS = 40;
  private static final int BATCH = 10;

  private MongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private final Serializer serializer =
      JacksonSerializer.builder().objectMapper(ReadModelFixture.mapper()).build();
  private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
  private final TokenStore tokens = new InMemoryTokenStore();
  private final List<Configuration> started = new ArrayList<>();
  private int events;
  private final List<List<PartnershipEvent>> histories = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    database = client.getDatabase("registry");
  }

  @AfterEach
  void stop() {
    started.forEach(Configuration::shutdown);
    client.close();
    server.shutdownNow();
  }

  /**
   * The projection, holding its processor at the first replayed event at or after a position until
   * let go, so that a replay can be stopped midway.
   */
  static final class GatedProjection extends PartnershipViewsProjection {
    private final long at;
    volatile boolean armed;
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch letGo = new CountDownLatch(1);

    GatedProjection(
        ReadModels readModels,
        int replayHeld,
        StreamableMessageSource<TrackedEventMessage<?>> store,
        long at) {
      super(readModels, replayHeld, store);
      this.at = at;
    }

    @Override
    public void onPartnershipEvent(EventMessage<?> message, TrackingToken token) {
      if (armed
          && ReplayToken.isReplay(message)
          && token.position().orElse(-1) >= at
          && reached.getCount() > 0) {
        reached.countDown();
        try {
          letGo.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      super.onPartnershipEvent(message, token);
    }
  }

  /**
   * A process of the registry's read side, started: its own projection, the shared store and
   * tokens.
   */
  private Configuration process(int batchSize, int replayHeld) {
    Configuration axon = built(batchSize, holding(replayHeld));
    axon.start();
    return axon;
  }

  /** The registry's projection over the shared read models, holding at most {@code replayHeld}. */
  private Function<Configuration, PartnershipViewsProjection> holding(int replayHeld) {
    return c ->
        new PartnershipViewsProjection(
            new ReadModels(database, serializer), replayHeld, c.eventStore());
  }

  /** The same, not started, with the given projection. */
  private Configuration built(
      int batchSize, Function<Configuration, PartnershipViewsProjection> projection) {
    Configuration axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> store)
            .configureSerializer(c -> serializer)
            .eventProcessing(
                processing ->
                    processing
                        .registerTrackingEventProcessor(
                            ReadModels.PROCESSING_GROUP,
                            Configuration::eventStore,
                            c ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(batchSize))
                        .registerTokenStore(ReadModels.PROCESSING_GROUP, c -> tokens)
                        .registerEventHandler(projection::apply))
            .buildConfiguration();
    started.add(axon);
    return axon;
  }

  private static TrackingEventProcessor processor(Configuration axon) {
    return axon.eventProcessingConfiguration()
        .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow();
  }

  /** Partnerships of five events each, their events in turns as a registry gets them over years. */
  private void publishPartnerships(Configuration axon) {
    for (int p = 0; p < PARTNERSHIPS; p++) {
      Story story = new Story("p" + p);
      story.registered("2009", "Partnership " + p, PartnershipKind.TECHNOHUB);
      story.joined("2009", "school" + p, PartnerRole.LEAD);
      story.joined("2010", "employer" + p, PartnerRole.CORE);
      story.phase("2011", Phase.STRUCTURAL);
      story.left("2013", "employer" + p);
      histories.add(story.events());
    }
    for (int i = 0; i < 5; i++) {
      List<EventMessage<?>> turn = new ArrayList<>();
      for (List<PartnershipEvent> history : histories) {
        PartnershipEvent event = history.get(i);
        turn.add(
            new GenericDomainEventMessage<>(
                "Partnership", event.partnershipId().value(), i, event));
      }
      axon.eventStore().publish(turn);
      events += turn.size();
    }
  }

  private long lastPosition() {
    return events - 1L;
  }

  /**
   * Waits until the processor has passed {@code position} and the read models are marked as holding
   * it, as the registry's readiness waits.
   */
  private void awaitProcessorAt(Configuration axon, long position) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (processor(axon).processingStatus().isEmpty()
        || processor(axon).processingStatus().values().stream()
            .anyMatch(s -> s.getCurrentPosition().orElse(-1) < position)
        || mark() == null
        || mark().get("lastApplied", Number.class).longValue() < position) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the processor did not reach "
                + position
                + ": "
                + processor(axon).processingStatus()
                + ", mark "
                + mark());
      }
      Thread.sleep(10);
    }
  }

  /** Every read model document, by collection and id, the events of a chunk in position order. */
  private Map<String, List<Document>> readModels() {
    Map<String, List<Document>> all = new LinkedHashMap<>();
    for (String name :
        List.of(
            ReadModels.PARTNERSHIP_EVENTS,
            ReadModels.ORGANISATION_EVENTS,
            ReadModels.PARTNERSHIP_SUMMARIES)) {
      all.put(
          name,
          database.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }
    return all;
  }

  private Document mark() {
    return database
        .getCollection(ReadModels.POSITIONS)
        .find(Filters.eq("_id", ReadModels.PROCESSING_GROUP))
        .first();
  }

  private void reset(Configuration axon) {
    processor(axon).shutDown();
    processor(axon).resetTokens();
  }

  @Test
  void a_replay_writes_what_the_live_processor_wrote_in_a_few_writes() throws Exception {
    Configuration axon = built(BATCH, holding(70));
    publishPartnerships(axon);
    axon.start();
    awaitProcessorAt(axon, lastPosition());
    Map<String, List<Document>> live = readModels();
    assertThat(live.get(ReadModels.PARTNERSHIP_SUMMARIES)).hasSize(PARTNERSHIPS);

    reset(axon);
    processor(axon).start();
    awaitProcessorAt(axon, lastPosition());

    assertThat(readModels()).isEqualTo(live);
    assertThat(mark().get("lastApplied", Number.class).longValue()).isEqualTo(lastPosition());
    // 200 events in 20 batches of 10, held up to 70: written after 70, 140 and at the last event.
    // (The live processor may itself begin with a replay of what was stored before its first
    // batch, so its own count of writes is not fixed.)
    assertThat(mark().get("batches", Number.class).longValue()).isEqualTo(3);
  }

  @Test
  void a_process_that_takes_up_a_replay_another_held_reads_the_held_events_again_from_the_store()
      throws Exception {
    List<GatedProjection> gated = new ArrayList<>();
    Configuration first =
        built(
            BATCH,
            c -> {
              GatedProjection gate =
                  new GatedProjection(
                      new ReadModels(database, serializer),
                      PartnershipViewsProjection.REPLAY_HELD,
                      c.eventStore(),
                      100);
              gated.add(gate);
              return gate;
            });
    // Stored before the process starts: its processor begins with a replay of all of them (Axon's
    // first token replays what was stored before it), not with one that ends midway through them.
    publishPartnerships(first);
    first.start();
    awaitProcessorAt(first, lastPosition());
    Map<String, List<Document>> live = readModels();

    GatedProjection gate = gated.get(0);
    gate.armed = true;
    reset(first);
    processor(first).start();
    assertThat(gate.reached.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopped = processor(first).shutdownAsync();
    gate.letGo.countDown();
    stopped.get(30, TimeUnit.SECONDS);

    // Held, and gone with the process: the first 110 events; nothing is marked as written.
    assertThat(mark()).isNull();
    assertThat(processor(first).processingStatus()).isEmpty();
    // And a write of the held events cut short after one partnership's: p0's (at 0, 40 and 80) are
    // in the read models, the others' not, and the write is not marked.
    ReadModels cutShort = new ReadModels(database, serializer);
    for (int turn = 0; turn < 3; turn++) {
      PartnershipEvent event = histories.get(0).get(turn);
      cutShort
          .partnerships()
          .append("p0", (long) PARTNERSHIPS * turn, event.recorded().at(), event);
    }
    assertThat(mark()).isNull();

    // The next process holds at most 25 events: it writes the 110 it reads again from the store
    // as it reads them, not all at once.
    Configuration second = process(BATCH, 25);
    awaitProcessorAt(second, lastPosition());

    assertThat(readModels()).isEqualTo(live);
  }
}
