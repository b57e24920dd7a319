package nl.partnershipregistry.projections.views;

import com.mongodb.client.MongoDatabase;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Feeds the read models from the event stream. Each event is kept with its global position; an
 * event at or below the position its partnership (or organisation) last applied changes nothing, so
 * a redelivery after a failure is harmless. A processor reset empties the read models and the
 * replay fills them again.
 *
 * <p>In a streaming processor's batch (a {@link BatchingUnitOfWork}) the events are held and
 * written together while the batch's last event is handled: each touched document is read once and
 * written once, with {@code lastApplied} the highest position applied to it. That is still inside
 * the processing of the batch, before the processor stores its token at commit, so a failed write
 * fails the batch rather than leaving the token past events that were not written. Outside a batch
 * (no unit of work, or another kind) every event is written as it comes. A processor's batch size
 * ({@value ReadModels#BATCH_SIZE} recommended) decides how much is written at once.
 *
 * <p>While the processor replays the store after a reset (a rebuild), and the projection was given
 * the store it replays, the events of its batches are held on from batch to batch, per segment, and
 * written once {@value #REPLAY_HELD} are held (or the number given) or the replay has reached the
 * last event stored when it began: a partnership's events then reach its chunks a few writes at a
 * time rather than a few events at a time. The processor stores its token after each batch, so the
 * events held are ahead of what the read models hold. When a process takes up a replay it holds
 * nothing of (after a stop, a kill, or another instance's), the events after those the read models
 * hold and before its first batch are read again from the store first: nothing held by a process
 * that ended is lost. This holds for a processor of one segment, the registry's; the replay is
 * taken to begin at the store's first event, as a reset of the registry's processor does.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class PartnershipViewsProjection {

  /** Events held at most during a replay before they are written, unless told otherwise. */
  public static final int REPLAY_HELD = 50_000;

  /** How long the store may take to give the next event while a replay is taken up. */
  private static final int STORE_WAIT_SECONDS = 30;

  private static final String SEGMENT_RESOURCE =
      "Processor[" + ReadModels.PROCESSING_GROUP + "]/SegmentId";
  private static final String TOKEN_RESOURCE =
      "Processor[" + ReadModels.PROCESSING_GROUP + "]/Token";

  private final ReadModels readModels;
  private final int replayHeld;
  private final StreamableMessageSource<TrackedEventMessage<?>> store;
  private final String batchResource =
      ReadModelBatch.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));

  /** Per segment, the events of a replay held on from one processor batch to the next. */
  private final Map<Integer, ReadModelBatch> replays = new ConcurrentHashMap<>();

  public PartnershipViewsProjection(MongoDatabase database, Serializer serializer) {
    this(new ReadModels(database, serializer));
  }

  /**
   * The projection writing {@code readModels}: given the instance the query handlers read too
   * ({@code RegistryQueries}), what it keeps of every partnership's recordings follows this
   * process's writes without reading them all again.
   */
  public PartnershipViewsProjection(ReadModels readModels) {
    this(readModels, 1, null);
  }

  /**
   * The same, holding a replay's events from batch to batch, at most {@code replayHeld} of them
   * (the memory a replay takes against how often it writes), with {@code store} the store its
   * processor replays, to take up a replay that another process held; without a store (null) every
   * batch is written.
   */
  public PartnershipViewsProjection(
      ReadModels readModels,
      int replayHeld,
      StreamableMessageSource<TrackedEventMessage<?>> store) {
    if (replayHeld < 1) {
      throw new IllegalArgumentException("a replay holds at least one event: " + replayHeld);
    }
    this.readModels = readModels;
    this.replayHeld = replayHeld;
    this.store = store;
    // Before the processor starts: it needs this handler.
    readModels.upgrade();
  }

  /**
   * A partnership's event, kept as the text the store holds: read whole only when that text does
   * not give its partnership and recording instant ({@link EventText}).
   */
  @EventHandler(payloadType = PartnershipEvent.class)
  public void onPartnershipEvent(EventMessage<?> message, TrackingToken token) {
    handle(message, token);
  }

  /** An organisation's fact, kept as the text the store holds (as a partnership's event is). */
  @EventHandler(payloadType = OrganisationFact.class)
  public void onOrganisationFact(EventMessage<?> message, TrackingToken token) {
    handle(message, token);
  }

  private void handle(EventMessage<?> message, TrackingToken token) {
    long position = positionOf(token);
    ReadModelBatch batch = batch();
    add(batch, message, position);
    flushAtEndOfBatch(batch);
  }

  /**
   * Adds a partnership's event or an organisation's fact to {@code batch}; ignores anything else.
   */
  private void add(ReadModelBatch batch, EventMessage<?> message, long position) {
    Class<?> type = message.getPayloadType();
    boolean partnership = PartnershipEvent.class.isAssignableFrom(type);
    if (!partnership && !OrganisationFact.class.isAssignableFrom(type)) {
      return;
    }
    SerializedObject<String> text = text(message);
    EventText.Filing filing =
        EventText.filing(text.getData(), partnership ? "partnershipId" : "organisationId")
            .orElseGet(() -> bound(message.getPayload()));
    if (partnership) {
      batch.addPartnershipEvent(position, filing.id(), filing.recordedAt(), text);
    } else {
      batch.addOrganisationFact(position, filing.id(), filing.recordedAt(), text);
    }
  }

  /** The filing of an event whose text does not give it, from the event bound whole. */
  private static EventText.Filing bound(Object payload) {
    return payload instanceof PartnershipEvent event
        ? EventText.Filing.of(event)
        : EventText.Filing.of((OrganisationFact) payload);
  }

  /** The event's text: as stored when the store's serializer is the read models' one. */
  private SerializedObject<String> text(EventMessage<?> message) {
    return message.serializePayload(readModels.serializer(), String.class);
  }

  @ResetHandler
  public void reset() {
    replays.clear();
    readModels.clear();
  }

  /**
   * The batch of the current processor batch: the segment's replay held on from earlier batches if
   * there is one or this batch is replayed, a new one otherwise, or a new one for a single event.
   */
  private ReadModelBatch batch() {
    if (!CurrentUnitOfWork.isStarted()
        || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork)) {
      return new ReadModelBatch(readModels);
    }
    return unitOfWork.getOrComputeResource(
        batchResource,
        key -> {
          Integer segment = unitOfWork.getResource(SEGMENT_RESOURCE);
          TrackingToken last = unitOfWork.getResource(TOKEN_RESOURCE);
          ReadModelBatch batch =
              store != null
                      && segment != null
                      && (ReplayToken.isReplay(last) || replays.containsKey(segment))
                  ? replays.computeIfAbsent(segment, s -> takeUpReplay(unitOfWork))
                  : new ReadModelBatch(readModels);
          // Normally written by then: the last event of the batch did it. Kept for a batch whose
          // last message did not reach this handler.
          unitOfWork.onPrepareCommit(u -> endOfBatch(batch, segment, last));
          return batch;
        });
  }

  /**
   * The held batch of a replay this process takes up: empty when the replay begins here; otherwise
   * holding the events stored after the read models' mark (the last batch written whole) and before
   * this processor batch's first, which a process before this one had held and not written, or
   * written in part; each stream leaves out again what it holds already.
   */
  private ReadModelBatch takeUpReplay(BatchingUnitOfWork<?> unitOfWork) {
    ReadModelBatch batch = new ReadModelBatch(readModels);
    Message<?> first = unitOfWork.getMessages().get(0);
    if (!(first instanceof TrackedEventMessage<?> tracked)
        || tracked.trackingToken().position().isEmpty()) {
      return batch;
    }
    long before = tracked.trackingToken().position().getAsLong();
    // The mark, not the highest position of any stream: a write cut short may have written some
    // streams further than the others, and held events of the others would be passed over.
    OptionalLong written = readModels.marked();
    TrackingToken from =
        written.isPresent()
                && WrappedToken.unwrapLowerBound(tracked.trackingToken())
                    instanceof GlobalSequenceTrackingToken
            ? new GlobalSequenceTrackingToken(written.getAsLong())
            : null;
    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(from)) {
      while (true) {
        if (!stream.hasNextAvailable(STORE_WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "the event store gave no event before position " + before + " to take up a replay");
        }
        TrackedEventMessage<?> event = stream.nextAvailable();
        long position = positionOf(event.trackingToken());
        if (position >= before) {
          return batch;
        }
        if (written.isEmpty() || position > written.getAsLong()) {
          add(batch, event, position);
          if (batch.size() >= replayHeld) {
            // A replay taken up late may find most of the store to read again: it is written as
            // it goes, no more held at a time than a replay holds.
            batch.flush();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking up a replay", e);
    }
  }

  private void flushAtEndOfBatch(ReadModelBatch batch) {
    if (!CurrentUnitOfWork.isStarted()
        || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork)) {
      batch.flush();
    } else if (unitOfWork.isLastMessage()) {
      endOfBatch(
          batch, unitOfWork.getResource(SEGMENT_RESOURCE), unitOfWork.getResource(TOKEN_RESOURCE));
    }
  }

  /**
   * Writes the batch, unless it is a segment's replay that has not yet reached the last event
   * stored when it began and holds fewer events than it may ({@value #REPLAY_HELD} unless told
   * otherwise): that one is held on to the next processor batch.
   */
  private void endOfBatch(ReadModelBatch batch, Integer segment, TrackingToken last) {
    boolean held = segment != null && replays.get(segment) == batch;
    if (held && replayUnderWay(last) && batch.size() < replayHeld) {
      return;
    }
    if (!batch.isEmpty()) {
      // A replay's batch that fails to be written stays held: the next processor batch writes it
      // (the writes are idempotent), whether this batch is retried or skipped by the error handler.
      batch.flush();
    }
    if (held) {
      replays.remove(segment, batch);
    }
  }

  /** Whether a replay goes on after the event of {@code token}. */
  private static boolean replayUnderWay(TrackingToken token) {
    if (!ReplayToken.isReplay(token)) {
      return false;
    }
    OptionalLong atReset = ReplayToken.getTokenAtReset(token);
    OptionalLong position = token.position();
    return atReset.isPresent()
        && position.isPresent()
        && position.getAsLong() < atReset.getAsLong();
  }

  private static long positionOf(TrackingToken token) {
    if (token == null || token.position().isEmpty()) {
      throw new IllegalStateException(
          "the partnership views need a tracking processor over the registry's event store, whose"
              + " tokens carry a global position");
    }
    return token.position().getAsLong();
  }
}
