package nl.partnershipregistry.projections.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.ReadSideProcessor;
import nl.partnershipregistry.projections.testing.Story;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModelRebuild;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
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
 * A rebuild straight from the store writes the read models the live processor wrote, document for
 * document, in a few writes, and its processor goes on after it; one cut short (the process stopped
 * or killed midway) is done again when the projection is created next, before the processor starts.
 */
class ReadModelRebuildIT {

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

  /** A process of the registry's read side: its own projection, the shared store and tokens. */
  private Configuration process() {
    Configuration axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> store)
            .configureSerializer(c -> serializer)
            .eventProcessing(
                processing ->
                    ReadSideProcessor.tracking(processing, BATCH)
                        .registerTokenStore(ReadModels.PROCESSING_GROUP, c -> tokens)
                        .registerEventHandler(
                            c ->
                                new PartnershipViewsProjection(
                                    readModels(),
                                    new ReadModelRebuild(readModels(), c.eventStore()))))
            .buildConfiguration();
    started.add(axon);
    return axon;
  }

  private ReadModels readModels() {
    return new ReadModels(database, serializer);
  }

  private static TrackingEventProcessor processor(Configuration axon) {
    return axon.eventProcessingConfiguration()
        .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow();
  }

  /** Partnerships of five events each, their events in turns as a registry gets them over years. */
  private void publishPartnerships(Configuration axon, String prefix) {
    List<List<PartnershipEvent>> histories = new ArrayList<>();
    for (int p = 0; p < PARTNERSHIPS; p++) {
      Story story = new Story(prefix + p);
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

  /** Waits until the processor has passed {@code position} and the read models are marked so. */
  private void awaitProcessorAt(Configuration axon, long position) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (processor(axon).processingStatus().isEmpty()
        || processor(axon).processingStatus().values().stream()
            .anyMatch(s -> s.getCurrentPosition().orElse(-1) < position)
        || markedPosition() < position) {
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

  /** Every read model document, by collection and id. */
  private Map<String, List<Document>> documents() {
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

  private long markedPosition() {
    Document mark = mark();
    return mark == null ? -1 : mark.get("lastApplied", Number.class).longValue();
  }

  private long markedBatches() {
    return mark().get("batches", Number.class).longValue();
  }

  /**
   * A process whose processor wrote the read models of 40 partnerships as they were stored, then
   * stopped, as a rebuild stops it.
   */
  private Configuration caughtUpAndStopped() throws InterruptedException {
    Configuration axon = process();
    publishPartnerships(axon, "p");
    axon.start();
    awaitProcessorAt(axon, lastPosition());
    processor(axon).shutDown();
    return axon;
  }

  private Document rebuildRecord() {
    return database.getCollection(ReadModels.POSITIONS).find(Filters.eq("_id", "rebuild")).first();
  }

  @Test
  void a_rebuild_writes_what_the_live_processor_wrote_in_a_few_writes_and_the_processor_goes_on()
      throws Exception {
    Configuration axon = caughtUpAndStopped();
    Map<String, List<Document>> live = documents();
    assertThat(live.get(ReadModels.PARTNERSHIP_SUMMARIES)).hasSize(PARTNERSHIPS);

    long batchesBefore = markedBatches();
    // Each write of 70 events (about two of each of the 40 partnerships) in pieces of about 9,
    // written side by side.
    Optional<TrackingToken> filled =
        new ReadModelRebuild(readModels(), axon.eventStore(), 70, 9).fill(lastPosition());

    assertThat(documents()).isEqualTo(live);
    assertThat(markedPosition()).isEqualTo(lastPosition());
    assertThat(filled).hasValueSatisfying(t -> assertThat(t.position()).hasValue(lastPosition()));
    // 200 events held up to 70: emptied, written after 70, 140 and 200, then marked as filled.
    assertThat(markedBatches() - batchesBefore).isEqualTo(5);
    assertThat(rebuildRecord()).as("begun, not yet ended").isNotNull();

    // The processor's token set after the last event filled: it goes on with what comes next.
    tokens.storeToken(filled.orElseThrow(), ReadModels.PROCESSING_GROUP, 0);
    new ReadModelRebuild(readModels(), axon.eventStore()).ended();
    processor(axon).start();
    publishPartnerships(axon, "q");
    awaitProcessorAt(axon, lastPosition());
    assertThat(rebuildRecord()).isNull();
    assertThat(database.getCollection(ReadModels.PARTNERSHIP_SUMMARIES).countDocuments())
        .isEqualTo(2L * PARTNERSHIPS);
  }

  @Test
  void a_rebuild_cut_short_is_done_again_before_the_next_process_starts_its_processor()
      throws Exception {
    Configuration first = caughtUpAndStopped();
    Map<String, List<Document>> live = documents();

    // The store fails after 130 events: held 50 at a time, the first 100 written (the write under
    // way ends before the failure is told), then cut short.
    ReadModelRebuild cutShort = new ReadModelRebuild(readModels(), failingAfter(first, 130), 50);
    assertThatThrownBy(() -> cutShort.fill(lastPosition()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(markedPosition()).isEqualTo(99);
    assertThat(documents()).isNotEqualTo(live);

    // The next process's projection does it again as it is created; its processor goes on from
    // the token the first one left, delivering again events that change nothing.
    Configuration second = process();
    second.start();
    publishPartnerships(second, "q");
    awaitProcessorAt(second, lastPosition());
    assertThat(rebuildRecord()).isNull();
    Map<String, List<Document>> after = documents();
    for (Map.Entry<String, List<Document>> collection : live.entrySet()) {
      assertThat(after.get(collection.getKey())).containsAll(collection.getValue());
    }
    assertThat(after.get(ReadModels.PARTNERSHIP_SUMMARIES)).hasSize(2 * PARTNERSHIPS);
  }

  /** The store, whose streams fail once they have given {@code events} events. */
  private StreamableMessageSource<TrackedEventMessage<?>> failingAfter(
      Configuration axon, int events) {
    return new StreamableMessageSource<>() {
      @Override
      public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        BlockingStream<TrackedEventMessage<?>> stream = axon.eventStore().openStream(from);
        AtomicInteger given = new AtomicInteger();
        return new BlockingStream<>() {
          @Override
          public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
          }

          @Override
          public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (given.get() >= events) {
              throw new IllegalStateException("the store failed");
            }
            return stream.hasNextAvailable(timeout, unit);
          }

          @Override
          public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            given.incrementAndGet();
            return stream.nextAvailable();
          }

          @Override
          public void close() {
            stream.close();
          }
        };
      }
    };
  }
}
