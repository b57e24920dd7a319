package nl.partnershipregistry.projections.views;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Rebuilds the read models straight from the event store, beside their processor rather than
 * through it: the read models are emptied, every event up to a position is read in one pass, filed
 * as the projection files it ({@link ReadModelBatch}) and written {@value #HELD} at a time (or the
 * number given), a partnership's events reaching its chunks a few writes at a time; each write runs
 * on {@value #WRITERS} threads of their own, in pieces of about {@value #PIECE} events, while the
 * next events are read. The processor must be stopped meanwhile and given, before it starts again,
 * the token {@link #fill} returns: it then goes on with the events stored after it.
 *
 * <p>A rebuild is recorded as begun, with the position it fills to, before the read models are
 * emptied, and as {@link #ended()} once the processor's tokens are set. One cut short by a stop or
 * a kill in between is found when the projection is created again ({@link #takeUpCutShort()}) and
 * done again before the processor starts: the processor's token is then at most that position
 * (either not yet moved, or moved to it), and the events it delivers again up to it change nothing.
 */
public final class ReadModelRebuild {

  /** Events held at most before they are written, unless told otherwise. */
  public static final int HELD = 50_000;

  /**
   * Events in a piece of a write: the pieces of a write go to the server one after another from
   * {@value #WRITERS} threads, so that one is encoded while the server applies the one before, and
   * the last write after the last event was read takes a fraction of the time it took whole.
   */
  static final int PIECE = 2_000;

  /**
   * Threads that write the pieces: two, since the embedded server applies the writes to a
   * collection one at a time.
   */
  static final int WRITERS = 2;

  /** How long the store may take to give the next event of those a rebuild fills. */
  private static final int STORE_WAIT_SECONDS = 30;

  private final ReadModels readModels;
  private final StreamableMessageSource<TrackedEventMessage<?>> store;
  private final int held;
  private final int piece;

  public ReadModelRebuild(
      ReadModels readModels, StreamableMessageSource<TrackedEventMessage<?>> store) {
    this(readModels, store, HELD);
  }

  /**
   * The same, holding at most {@code held} events before it writes them: the memory a rebuild takes
   * against how often it writes.
   */
  public ReadModelRebuild(
      ReadModels readModels, StreamableMessageSource<TrackedEventMessage<?>> store, int held) {
    this(readModels, store, held, PIECE);
  }

  /**
   * The same, holding at most {@code held} events and writing them in pieces of about {@code piece}
   * events.
   */
  public ReadModelRebuild(
      ReadModels readModels,
      StreamableMessageSource<TrackedEventMessage<?>> store,
      int held,
      int piece) {
    if (held < 1) {
      throw new IllegalArgumentException("a rebuild holds at least one event: " + held);
    }
    if (piece < 1) {
      throw new IllegalArgumentException("a piece of a write holds at least one event: " + piece);
    }
    this.readModels = readModels;
    this.store = store;
    this.held = held;
    this.piece = piece;
  }

  /**
   * Records a rebuild up to {@code upTo} as begun, empties the read models and fills them with
   * every event stored at or below that position. {@code upTo} is at least the position of the
   * processor's token, which is stopped: the last event stored once it stopped.
   *
   * @return the token of the last event filled, for the processor to go on from; empty when the
   *     store holds no event up to {@code upTo}
   */
  public Optional<TrackingToken> fill(long upTo) {
    readModels.beginRebuild(upTo);
    readModels.clear();
    return fillFromStore(upTo);
  }

  /** Records the rebuild as ended, once the processor's tokens are set. */
  public void ended() {
    readModels.endRebuild();
  }

  /** The position a rebuild begun and not ended fills the read models to, if there is one. */
  public OptionalLong cutShort() {
    return readModels.rebuildBegun();
  }

  /**
   * Does again a rebuild that was begun and not ended, if there is one.
   *
   * @return whether there was one
   */
  public boolean takeUpCutShort() {
    OptionalLong upTo = cutShort();
    if (upTo.isEmpty()) {
      return false;
    }
    readModels.clear();
    fillFromStore(upTo.getAsLong());
    readModels.endRebuild();
    return true;
  }

  /**
   * Reads the store up to {@code upTo} on this thread and writes what it held on another, one write
   * at a time and in order: the next events are read while the last ones are written.
   */
  private Optional<TrackingToken> fillFromStore(long upTo) {
    if (upTo < 0) {
      return Optional.empty();
    }
    ExecutorService writers =
        Executors.newFixedThreadPool(
            WRITERS,
            task -> {
              Thread thread = new Thread(task, "read-model-rebuild-writer");
              thread.setDaemon(true);
              return thread;
            });
    Future<?> writing = CompletableFuture.completedFuture(null);
    // The read models were emptied and the processor is stopped: this is their one writer.
    ReadModelBatch.Filling filling = new ReadModelBatch.Filling();
    ReadModelBatch batch = new ReadModelBatch(readModels, filling);
    TrackingToken last = null;
    long lastPosition = -1;
    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
      while (lastPosition < upTo) {
        if (!stream.hasNextAvailable(STORE_WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "the event store gave no event up to position "
                  + upTo
                  + " within "
                  + STORE_WAIT_SECONDS
                  + " s");
        }
        TrackedEventMessage<?> next = stream.peek().orElseThrow();
        long position = positionOf(next.trackingToken());
        if (position > upTo) {
          break;
        }
        stream.nextAvailable();
        batch.add(next, position);
        if (batch.size() >= held) {
          // At most one write under way: no more than twice what a rebuild holds in memory.
          written(writing);
          writing = batch.flush(writers, piece);
          batch = new ReadModelBatch(readModels, filling);
        }
        last = next.trackingToken();
        lastPosition = position;
      }
      written(writing);
      if (!batch.isEmpty()) {
        written(batch.flush(writers, piece));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rebuilding the read models", e);
    } finally {
      // A write under way when reading failed ends before the failure is told: a rebuild done
      // again at once then empties the read models after it, not before.
      writers.shutdown();
      awaitTermination(writers);
    }
    if (last != null) {
      // Also when the last events were of no read model's kind.
      readModels.markFilled(lastPosition);
    }
    return Optional.ofNullable(last);
  }

  private static void awaitTermination(ExecutorService writer) {
    try {
      if (!writer.awaitTermination(STORE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a write handed to the writers; its failure is the rebuild's. */
  private static void written(Future<?> writing) throws InterruptedException {
    try {
      writing.get();
    } catch (ExecutionException e) {
      // A completable future's get() gives the failure itself, not the CompletionException of it.
      throw e.getCause() instanceof RuntimeException failure
          ? failure
          : new IllegalStateException("the read models could not be written", e.getCause());
    }
  }

  /** The global position of an event's token: the read models file every event under it. */
  static long positionOf(TrackingToken token) {
    if (token == null || token.position().isEmpty()) {
      throw new IllegalStateException(
          "the partnership views need a tracking processor over the registry's event store, whose"
              + " tokens carry a global position");
    }
    return token.position().getAsLong();
  }
}
