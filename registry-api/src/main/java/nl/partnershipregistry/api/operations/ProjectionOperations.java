package nl.partnershipregistry.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import nl.partnershipregistry.projections.views.ReadModelRebuild;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running the read side: how far the read models lag behind the event store (a gauge under {@code
 * /actuator/metrics/registry.projections.lag}), and rebuilding them from the event store beside
 * their processor.
 */
public class ProjectionOperations {

  private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);

  private final EventProcessingConfiguration processing;
  private final MongoEventStorageEngine engine;
  private final QueryGateway queries;
  private final ReadModelRebuild readModelRebuild;
  private final ReadModelReadiness readiness;
  private final Clock clock;
  private Rebuild underWay;

  public ProjectionOperations(
      EventProcessingConfiguration processing,
      MongoEventStorageEngine engine,
      ReadModelRebuild readModelRebuild,
      QueryGateway queries,
      ReadModelReadiness readiness,
      Clock clock,
      MeterRegistry meters) {
    this.processing = processing;
    this.engine = engine;
    this.readModelRebuild = readModelRebuild;
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
   * Rebuilds the read models from the event store, in the background: the processor stops, the read
   * models are emptied and filled straight from the store up to the last event stored then ({@link
   * ReadModelRebuild}), the processor's tokens are set after that event, and it starts again. Until
   * the read models hold again every event stored when it starts, questions are refused as {@link
   * ReadModelReadiness.Filling#REBUILDING} rather than answered from part of the events. Asked
   * again while one is under way, it answers with that one.
   */
  public synchronized Rebuild rebuild() {
    Rebuild running = underWay;
    if (running != null) {
      return running;
    }
    long head = engine.head();
    if (head < 0) {
      // An empty store: nothing to rebuild (and no token to set).
      return new Rebuild(ReadModels.PROCESSING_GROUP, clock.instant(), head);
    }
    readiness.hold(ReadModelReadiness.Filling.REBUILDING);
    Rebuild started = new Rebuild(ReadModels.PROCESSING_GROUP, clock.instant(), head);
    underWay = started;
    Thread worker = new Thread(() -> run(started), "read-model-rebuild");
    worker.setDaemon(true);
    worker.start();
    return started;
  }

  /**
   * The rebuild itself. One that fails leaves the questions refused and the processor stopped: the
   * read models hold part of the events, and a processor that went on writing after them would take
   * its token past events that doing the rebuild again (at the next start, or asked for again)
   * would not bring back.
   */
  private void run(Rebuild rebuild) {
    try {
      TrackingEventProcessor processor =
          processing
              .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no tracking processor " + ReadModels.PROCESSING_GROUP));
      long started = System.nanoTime();
      processor.shutDown();
      long stopped = System.nanoTime();
      // Once the processor has stopped its token no longer moves: the last event stored now is at
      // or after it.
      TrackingToken head = engine.createHeadToken();
      long upTo = head == null ? -1 : head.position().orElse(-1);
      Optional<TrackingToken> filled = readModelRebuild.fill(upTo);
      filled.ifPresent(this::setTokens);
      readModelRebuild.ended();
      log.info(
          "Read models rebuilt up to position {}: the processor stopped in {} ms, the read models"
              + " were filled in {} ms",
          upTo,
          TimeUnit.NANOSECONDS.toMillis(stopped - started),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));
      try {
        processor.start();
      } finally {
        readiness.await(ReadModelReadiness.Filling.REBUILDING);
      }
    } catch (RuntimeException e) {
      log.error(
          "The rebuild of the read models begun at {} failed; questions stay refused until it is"
              + " done again (at the next start, or asked for again)",
          rebuild.startedAt(),
          e);
    } finally {
      synchronized (this) {
        underWay = null;
      }
    }
  }

  /** Every segment of the stopped processor goes on after {@code token}. */
  private void setTokens(TrackingToken token) {
    TokenStore tokens = processing.tokenStore(ReadModels.PROCESSING_GROUP);
    int[] segments = tokens.fetchSegments(ReadModels.PROCESSING_GROUP);
    if (segments.length == 0) {
      tokens.initializeTokenSegments(ReadModels.PROCESSING_GROUP, 1, token);
      return;
    }
    for (int segment : segments) {
      tokens.storeToken(token, ReadModels.PROCESSING_GROUP, segment);
      tokens.releaseClaim(ReadModels.PROCESSING_GROUP, segment);
    }
  }

  /**
   * A rebuild under way.
   *
   * @param headCommit the last commit stored when it began: ask with {@code afterCommit} to wait
   *     for the rebuild to reach it
   */
  public record Rebuild(String processingGroup, Instant startedAt, long headCommit) {}
}
