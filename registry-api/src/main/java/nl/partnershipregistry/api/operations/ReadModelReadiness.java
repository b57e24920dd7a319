package nl.partnershipregistry.api.operations;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Whether the read models may answer questions. They may not while they are being filled: while
 * data are loaded at start-up, from a rebuild until they hold the events stored when it began, and
 * after a start until they hold the events stored before it. Each of these is a {@link Filling};
 * while one is held (its end not yet known) or its last event not yet applied, {@link #pending()}
 * names it. Once the read models have applied that event the filling is over for good: the lag of
 * ordinary writes after that is a metric ({@code registry.projections.lag}), not a refusal.
 *
 * <p>Only this instance's fillings are known: with several instances on one database, a rebuild
 * started on one of them is not seen by the others.
 */
public class ReadModelReadiness {

  /** Why the read models are not ready. */
  public enum Filling {
    LOADING_DEMO("loading-demo", "The demo data are being loaded; ask again in a few seconds."),
    IMPORTING(
        "importing", "The file imported at start-up is being loaded; ask again in a few seconds."),
    REBUILDING(
        "rebuilding",
        "The read models are being rebuilt from the event store; ask again in a few seconds."),
    CATCHING_UP(
        "catching-up",
        "The read models are catching up with the event store after a start; ask again in a few"
            + " seconds.");

    private final String reason;
    private final String message;

    Filling(String reason, String message) {
      this.reason = reason;
      this.message = message;
    }

    public String reason() {
      return reason;
    }

    public String message() {
      return message;
    }

    ReadModelsNotReady refusal() {
      return new ReadModelsNotReady(reason, message);
    }
  }

  /** A filling whose end is known: the read models are ready once they applied {@code position}. */
  private record Awaited(Filling filling, long position) {}

  private final MongoEventStorageEngine engine;
  private final QueryGateway queries;
  private final EventProcessingConfiguration processing;
  private final Set<Filling> held = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Awaited> awaited = new AtomicReference<>();

  /**
   * Fillings begun so far, and the last of them: a question asked before one began and answered
   * after it ended may have read the read models emptied in between.
   */
  private final AtomicLong begun = new AtomicLong();

  private volatile Filling lastBegun = Filling.CATCHING_UP;

  /**
   * Starts with the catch-up after a start: the read models are ready once they hold the last event
   * stored now (at once for an empty store).
   */
  public ReadModelReadiness(
      MongoEventStorageEngine engine,
      QueryGateway queries,
      EventProcessingConfiguration processing) {
    this.engine = engine;
    this.queries = queries;
    this.processing = processing;
    await(Filling.CATCHING_UP);
  }

  /** A filling begins whose end is not known yet: not ready until {@link #await} is called. */
  public void hold(Filling filling) {
    held.add(filling);
    lastBegun = filling;
    begun.incrementAndGet();
  }

  /**
   * A filling's end is known: the read models are ready once they have applied the last event
   * stored now. Releases the {@link #hold} of that filling.
   */
  public void await(Filling filling) {
    long head = headPosition();
    if (head >= 0) {
      awaited.accumulateAndGet(
          new Awaited(filling, head),
          (before, now) -> before == null || before.position() <= now.position() ? now : before);
    }
    held.remove(filling);
  }

  /** What the read models are being filled with, or empty when they may answer. */
  public Optional<Filling> pending() {
    if (!held.isEmpty()) {
      return Optional.of(held.iterator().next());
    }
    Awaited waiting = awaited.get();
    if (waiting == null) {
      return Optional.empty();
    }
    if (lastApplied() >= waiting.position() || processorPassed(waiting.position())) {
      awaited.compareAndSet(waiting, null);
      return pending();
    }
    return Optional.of(waiting.filling());
  }

  /**
   * Refuses with {@link ReadModelsNotReady} while the read models are being filled; otherwise the
   * count of fillings begun so far, for {@link #requireReadySince}.
   */
  public long requireReady() {
    long since = begun.get();
    Optional<Filling> filling = pending();
    if (filling.isPresent()) {
      throw filling.get().refusal();
    }
    return since;
  }

  /**
   * Refuses as {@link #requireReady} does, and also when a filling began since {@code since} (a
   * count {@link #requireReady} gave): an answer read meanwhile may rest on read models that were
   * emptied and filled again while it was read, however quickly.
   */
  public void requireReadySince(long since) {
    requireReady();
    if (begun.get() != since) {
      throw lastBegun.refusal();
    }
  }

  /** The position of the last event the read models applied as a whole, or -1. */
  public long lastApplied() {
    return queries
        .query(FindProjectionPosition.overall(), ResponseTypes.instanceOf(ProjectionPosition.class))
        .join()
        .lastApplied();
  }

  /**
   * Whether this instance's processor holds every segment and has passed {@code position} in each:
   * then the events up to it were written or, where a batch failed and the error handler skipped
   * it, never will be; waiting longer would refuse questions for good.
   */
  private boolean processorPassed(long position) {
    Map<Integer, EventTrackerStatus> segments =
        processing
            .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class)
            .map(StreamingEventProcessor::processingStatus)
            .orElse(Map.of());
    double share = 0;
    for (EventTrackerStatus segment : segments.values()) {
      if (segment.getCurrentPosition().orElse(-1) < position) {
        return false;
      }
      share += 1.0 / (segment.getSegment().getMask() + 1);
    }
    return share > 0.999;
  }

  /** The position of the last event in the store, or -1 for an empty store. */
  private long headPosition() {
    TrackingToken head = engine.createHeadToken();
    return head == null ? -1 : head.position().orElse(-1);
  }
}
