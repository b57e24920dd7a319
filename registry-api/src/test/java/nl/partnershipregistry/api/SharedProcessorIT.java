package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the registry (two Axon configurations on one database) share a tracking
 * processor of four segments through the MongoDB token store: every event is handled exactly once,
 * and when one instance stops, the other takes over its segments.
 */
class SharedProcessorIT {

  private static final String PROCESSOR = "projections";

  private EmbeddedMongoServer server;
  private MongoClient client;
  private final Map<String, Collection<String>> handledBy = new ConcurrentHashMap<>();
  private final List<Configuration> instances = new ArrayList<>();

  @BeforeEach
  void start() {
    server =
        new EmbeddedMongoServer(
            new RegistryProperties.Embedded(RegistryProperties.Mode.MEMORY, null, 0));
    client = MongoClients.create(server.connectionString());
  }

  @AfterEach
  void stop() {
    instances.forEach(Configuration::shutdown);
    client.close();
    server.close();
  }

  @Test
  void each_event_is_handled_once_and_segments_move_when_an_instance_stops() {
    Configuration first = instance("first", 2);
    awaitTrue(() -> claimed(first) == 2, "the first instance claims two segments");
    Configuration second = instance("second", 4);
    awaitTrue(() -> claimed(second) == 2, "the second instance claims the other two");

    EventStore store = first.eventStore();
    for (int i = 0; i < 200; i++) {
      store.publish(event("aggregate-" + (i % 20), i / 20));
    }
    awaitTrue(() -> handledCount() == 200, "all 200 events handled");
    assertThat(handledBy.get("first")).isNotEmpty();
    assertThat(handledBy.get("second")).isNotEmpty();

    first.shutdown();
    instances.remove(first);
    awaitTrue(() -> claimed(second) == 4, "the second instance takes over all four segments");
    for (int i = 200; i < 300; i++) {
      second.eventStore().publish(event("aggregate-" + (i % 20), i / 20));
    }
    awaitTrue(() -> handledCount() == 300, "all 300 events handled");

    List<String> all = new ArrayList<>();
    handledBy.values().forEach(all::addAll);
    assertThat(all).hasSize(300).doesNotHaveDuplicates();
  }

  private Configuration instance(String name, int threads) {
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> JacksonSerializer.defaultSerializer())
            .configureEmbeddedEventStore(
                c ->
                    MongoEventStorageEngine.builder()
                        .database(client.getDatabase("registry"))
                        .build());
    Recorder recorder =
        new Recorder(handledBy.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()));
    configurer
        .eventProcessing()
        .registerTrackingEventProcessor(
            PROCESSOR,
            Configuration::eventStore,
            c ->
                TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                    .andInitialSegmentsCount(4)
                    .andEventAvailabilityTimeout(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .andTokenClaimInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS))
        .registerTokenStore(
            PROCESSOR,
            c ->
                MongoTokenStore.builder()
                    .mongoTemplate(
                        DefaultMongoTemplate.builder().mongoDatabase(client, "registry").build())
                    .serializer(JacksonSerializer.defaultSerializer())
                    .nodeId(name)
                    .claimTimeout(Duration.ofSeconds(3))
                    .build())
        .registerEventHandler(c -> recorder);
    Configuration configuration = configurer.buildConfiguration();
    configuration.start();
    instances.add(configuration);
    return configuration;
  }

  private static int claimed(Configuration instance) {
    return instance
        .eventProcessingConfiguration()
        .eventProcessor(PROCESSOR, TrackingEventProcessor.class)
        .map(p -> p.processingStatus().size())
        .orElse(0);
  }

  private int handledCount() {
    return handledBy.values().stream().mapToInt(Collection::size).sum();
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
    return new GenericDomainEventMessage<>("Test", aggregate, sequence, aggregate + "#" + sequence);
  }

  /** Records which event each instance handled. */
  @ProcessingGroup(PROCESSOR)
  static final class Recorder {

    private final Collection<String> handled;

    Recorder(Collection<String> handled) {
      this.handled = handled;
    }

    @EventHandler
    void on(String payload, EventMessage<?> message) {
      handled.add(message.getIdentifier());
    }
  }
}
