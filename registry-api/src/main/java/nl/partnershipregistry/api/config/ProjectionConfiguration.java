package nl.partnershipregistry.api.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.partnershipregistry.api.operations.ProjectionOperations;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import nl.partnershipregistry.api.operations.ReadModelWarmUp;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.PartnershipQueries;
import nl.partnershipregistry.projections.query.RegistryQueries;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read side ({@code registry-projections}): the projection that keeps the read models, fed by a
 * tracking processor whose tokens are in MongoDB, and the query handlers that answer from them.
 * Axon finds their handlers on these beans.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

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
   * A rebuild holds the replayed events from batch to batch and takes up a replay another process
   * held from the event store ({@link PartnershipViewsProjection}); that needs a processor of one
   * segment, the default: with more, every batch is written.
   */
  @Bean
  PartnershipViewsProjection partnershipViewsProjection(
      ReadModels readModels,
      EventStore events,
      @Value("${axon.eventhandling.processors.partnership-views.initial-segment-count:1}")
          int segments) {
    return segments == 1
        ? new PartnershipViewsProjection(readModels, PartnershipViewsProjection.REPLAY_HELD, events)
        : new PartnershipViewsProjection(readModels);
  }

  @Bean
  PartnershipQueries partnershipQueries(ReadModels readModels, Clock clock) {
    return new PartnershipQueries(readModels, clock, MongoEventStorageEngine.EVENTS_PER_COMMIT);
  }

  @Bean
  ProjectionOperations projectionOperations(
      EventProcessingConfiguration processing,
      MongoEventStorageEngine engine,
      QueryGateway queries,
      ReadModelReadiness readiness,
      Clock clock,
      MeterRegistry meters) {
    return new ProjectionOperations(processing, engine, queries, readiness, clock, meters);
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
