package nl.partnershipregistry.bench;

import com.mongodb.client.MongoDatabase;
import java.util.function.Function;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;

/** The benchmark's own replays: one tracking processor reading a whole store from its start. */
final class Replays {

  private Replays() {}

  /**
   * An Axon configuration (not started) with the registry's engine on {@code store} and one
   * single-threaded tracking processor, {@code processor}, with an in-memory token store (so it
   * starts at the beginning), handing batches of {@code batchSize} events to the handler alone.
   */
  static Configurer configuration(
      Serializer serializer,
      MongoDatabase store,
      String processor,
      int batchSize,
      Function<Configuration, Object> handler) {
    return configuration(
        serializer,
        MongoEventStorageEngine.builder()
            .database(store)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .build(),
        processor,
        batchSize,
        handler);
  }

  /** The same, on any {@code engine}: the peer of {@link PeerBenchmark} as well as ours. */
  static Configurer configuration(
      Serializer serializer,
      EventStorageEngine engine,
      String processor,
      int batchSize,
      Function<Configuration, Object> handler) {
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> serializer)
            .configureEventSerializer(c -> serializer)
            .configureEmbeddedEventStore(c -> engine);
    configurer
        .eventProcessing()
        .registerTrackingEventProcessor(
            processor,
            Configuration::eventStore,
            c ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    .andBatchSize(batchSize))
        .registerTokenStore(processor, c -> new InMemoryTokenStore())
        .registerEventHandler(handler)
        .assignHandlerInstancesMatching(processor, h -> true);
    return configurer;
  }
}
