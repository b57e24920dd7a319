package nl.partnershipregistry.api.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import nl.partnershipregistry.api.operations.ProjectionOperations;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import nl.partnershipregistry.api.operations.ReadModelWarmUp;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.PartnershipQueries;
import nl.partnershipregistry.projections.query.RegistryQueries;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModelRebuild;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read side ({@code registry-projections}): the projection that keeps the read models, fed by a
 * tracking processor whose tokens are in MongoDB, and the query handlers that answer from them.
 * Axon finds their handlers on these beans.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

  /** How long the read models' processor waits for a new event before it looks again. */
  static final long EVENT_WAIT_MILLIS = 50;

  /**
   * One instance for the projection and the questions (it keeps what it read, and follows this
   * process's writes).
   */
  @Bean
  ReadModels sharedReadModels(
      MongoDatabase database, @Qualifier("eventSerializer") Serializer serializer) {
    return new ReadModels(database, serializer);
  }

  /**
   * The read models' tracking processor: batches of {@value ReadModels#BATCH_SIZE} events, one
   * segment, and at most {@value #EVENT_WAIT_MILLIS} ms of waiting for a new event before it looks
   * whether it was asked to stop (Axon's default is a second), since a rebuild stops it first. When
   * {@code axon.eventhandling.processors.partnership-views} is configured, Axon registers the
   * processor from those settings instead, with its own wait.
   */
  @Bean
  ConfigurerModule readModelProcessor(EventProcessorProperties properties) {
    if (properties.getProcessors().containsKey(ReadModels.PROCESSING_GROUP)) {
      return configurer -> {};
    }
    return configurer ->
        configurer
            .eventProcessing()
            .registerTrackingEventProcessor(
                ReadModels.PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                c ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(ReadModels.BATCH_SIZE)
                        .andEventAvailabilityTimeout(EVENT_WAIT_MILLIS, TimeUnit.MILLISECONDS));
  }

  /** Rebuilds the read models straight from the event store, beside their processor. */
  @Bean
  ReadModelRebuild readModelRebuild(ReadModels readModels, EventStore events) {
    return new ReadModelRebuild(readModels, events);
  }

  /** The projection, created once a rebuild cut short by a stop or a kill has been done again. */
  @Bean
  PartnershipViewsProjection partnershipViewsProjection(
      ReadModels readModels, ReadModelRebuild rebuild) {
    rebuild
        .cutShort()
        .ifPresent(
            upTo ->
                log.warn(
                    "A rebuild of the read models was cut short (a stop or a crash); it is done"
                        + " again up to position {} before the processor starts",
                    upTo));
    return new PartnershipViewsProjection(readModels, rebuild);
  }

  @Bean
  PartnershipQueries partnershipQueries(ReadModels readModels, Clock clock) {
    return new PartnershipQueries(readModels, clock, MongoEventStorageEngine.EVENTS_PER_COMMIT);
  }

  @Bean
  ProjectionOperations projectionOperations(
      EventProcessingConfiguration processing,
      MongoEventStorageEngine engine,
      ReadModelRebuild rebuild,
      QueryGateway queries,
      ReadModelReadiness readiness,
      Clock clock,
      MeterRegistry meters) {
    return new ProjectionOperations(processing, engine, rebuild, queries, readiness, clock, meters);
  }

  /**
   * Whether the read models may answer: not while they are filled at start-up, by the start-up
   * import or by a rebuild.
   */
  @Bean
  ReadModelReadiness readModelReadiness(
      MongoEventStorageEngine engine,
      QueryGateway queries,
      EventProcessingConfiguration processing) {
    return new ReadModelReadiness(engine, queries, processing);
  }

  /** Walks the partnerships' summaries once the read models are ready after a start. */
  @Bean
  ReadModelWarmUp readModelWarmUp(ReadModelReadiness readiness, QueryGateway queries) {
    return new ReadModelWarmUp(readiness, queries);
  }

  @Bean
  RegistryQueries registryQueries(ReadModels readModels, Clock clock) {
    return new RegistryQueries(readModels, clock);
  }
}
