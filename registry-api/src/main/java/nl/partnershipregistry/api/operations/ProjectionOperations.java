package nl.partnershipregistry.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running the read side: how far the read models lag behind the event store (a gauge under {@code
 * /actuator/metrics/registry.projections.lag}), and rebuilding them from the event store by
 * resetting their processor.
 */
public class ProjectionOperations {

  private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);

  /** The thread that fills the read models in a rebuild. */
  private static final Executor REBUILDER =
      command -> {
        Thread thread = new Thread(command, "read-model-rebuild");
        thread.setDaemon(true);
        thread.start();
      };

  private final EventProcessingConfiguration processing;
  private final MongoEventStorageEngine engine;
  private final QueryGateway queries;
  private final ReadModelReadiness readiness;
  private final Clock clock;
  private final PartnershipViewsProjection projection;
  private final TokenStore tokens;

  /** The rebuild under way, done when its processor has started again. */
  private CompletableFuture<Void> rebuilding = CompletableFuture.completedFuture(null);

  public ProjectionOperations(
      EventProcessingConfiguration processing,
      MongoEventStorageEngine engine,
      QueryGateway queries,
      ReadModelReadiness readiness,
      Clock clock,
      MeterRegistry meters,
      PartnershipViewsProjection projection,
      TokenStore tokens) {
    this.processing = processing;
    this.projection = projection;
    this.tokens = tokens;
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
   * Empties the read models and fills them again from every event stored: the processor stops and
   * its tokens go back to the start (its reset handler empties the read models); then, in the
   * background, the events stored until now are read straight from the store and written to the
   * read models many thousands at a time ({@link PartnershipViewsProjection#rebuild}), the
   * processor's tokens are set after the last of them, and the processor starts again for what came
   * later. Should the process stop before that, the tokens are still at the start and the processor
   * replays everything at the next start. Until the read models hold again every event stored when
   * the rebuild began, questions are refused as {@link ReadModelReadiness.Filling#REBUILDING}
   * rather than answered from part of the events.
   */
  public synchronized Rebuild rebuild() {
    TrackingEventProcessor processor =
        processing
            .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no tracking processor " + ReadModels.PROCESSING_GROUP));
    rebuilding.join();
    long head = engine.head();
    if (head < 0) {
      // An empty store: nothing to replay (and no token to reset).
      return new Rebuild(ReadModels.PROCESSING_GROUP, clock.instant(), head);
    }
    long upTo = engine.createHeadToken().position().orElse(-1);
    readiness.hold(ReadModelReadiness.Filling.REBUILDING);
    try {
      processor.shutDown();
      processor.resetTokens();
    } catch (RuntimeException e) {
      processor.start();
      throw e;
    } finally {
      readiness.await(ReadModelReadiness.Filling.REBUILDING);
    }
    rebuilding = CompletableFuture.runAsync(() -> fill(processor, upTo), REBUILDER);
    return new Rebuild(ReadModels.PROCESSING_GROUP, clock.instant(), head);
  }

  /**
   * Fills the emptied read models from the store up to {@code upTo}, sets the processor's tokens
   * after it and starts the processor; if anything fails, the processor starts from the start.
   */
  private void fill(TrackingEventProcessor processor, long upTo) {
    try {
      TrackingToken reached;
      try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
        reached = projection.rebuild(events, upTo);
      }
      if (reached != null) {
        String name = processor.getName();
        for (int segment : tokens.fetchSegments(name)) {
          tokens.storeToken(reached, name, segment);
          tokens.releaseClaim(name, segment);
        }
      }
    } catch (RuntimeException e) {
      log.warn(
          "Rebuilding the read models straight from the store failed; the processor replays", e);
    } finally {
      processor.start();
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
