package nl.partnershipregistry.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Running the read side: how far the read models lag behind the event store (a gauge under {@code
 * /actuator/metrics/registry.projections.lag}), and rebuilding them from the event store by
 * resetting their processor.
 */
public class ProjectionOperations {

  private final EventProcessingConfiguration processing;
  private final MongoEventStorageEngine engine;
  private final QueryGateway queries;
  private final ReadModelReadiness readiness;
  private final Clock clock;

  public ProjectionOperations(
      EventProcessingConfiguration processing,
      MongoEventStorageEngine engine,
      QueryGateway queries,
      ReadModelReadiness readiness,
      Clock clock,
      MeterRegistry meters) {
    this.processing = processing;
    this.engine = engine;
    this.queries = queries;
    this.readiness = readiness;
    this.clock = clock;
    Gauge.builder("registry.projections.lag", this, ProjectionOperations::lagInCommits)
        .description("Commits stored but not yet applied to the read models")
        .baseUnit("commits")
        .tag("processingGroup", ReadModels.PROCESSING_GROUP)
        .register(meters);
  }

  /** Commits in the event store after the last one the read models applied. */
  public long lagInCommits() {
    long head = engine.head();
    return Math.max(0, head - EventArchive.commitOf(position().lastApplied()));
  }

  public ProjectionPosition position() {
    return queries
        .query(FindProjectionPosition.overall(), ResponseTypes.instanceOf(ProjectionPosition.class))
        .join();
  }

  /**
   * Empties the read models and replays every event into them: the processor stops, its tokens go
   * back to the start (its reset handler clears the read models), and it starts again. Until the
   * read models hold again every event stored when the replay began, questions are refused as
   * {@link ReadModelReadiness.Filling#REBUILDING} rather than answered from part of the events.
   */
  public Rebuild rebuild() {
    TrackingEventProcessor processor =
        processing
            .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no tracking processor " + ReadModels.PROCESSING_GROUP));
    long head = engine.head();
    if (head < 0) {
      // An empty store: nothing to replay (and no token to reset).
      return new Rebuild(ReadModels.PROCESSING_GROUP, clock.instant(), head);
    }
    readiness.hold(ReadModelReadiness.Filling.REBUILDING);
    try {
      processor.shutDown();
      processor.resetTokens();
      processor.start();
    } finally {
      readiness.await(ReadModelReadiness.Filling.REBUILDING);
    }
    return new Rebuild(ReadModels.PROCESSING_GROUP, clock.instant(), head);
  }

  /**
   * A rebuild under way.
   *
   * @param headCommit the last commit stored when it began: ask with {@code afterCommit} to wait
   *     for the rebuild to reach it
   */
  public record Rebuild(String processingGroup, Instant startedAt, long headCommit) {}
}
