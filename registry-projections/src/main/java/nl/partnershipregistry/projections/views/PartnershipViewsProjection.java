package nl.partnershipregistry.projections.views;

import com.mongodb.client.MongoDatabase;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Feeds the read models from the event stream. Each event is kept with its global position; an
 * event at or below the position its partnership (or organisation) last applied changes nothing, so
 * a redelivery after a failure is harmless. A processor reset empties the read models and the
 * replay fills them again; the registry's own rebuild fills them beside the processor instead
 * ({@link ReadModelRebuild}), and one it began and did not end is done again before the processor
 * starts.
 *
 * <p>In a streaming processor's batch (a {@link BatchingUnitOfWork}) the events are held and
 * written together while the batch's last event is handled: each touched document is read once and
 * written once, with {@code lastApplied} the highest position applied to it. That is still inside
 * the processing of the batch, before the processor stores its token at commit, so a failed write
 * fails the batch rather than leaving the token past events that were not written. Outside a batch
 * (no unit of work, or another kind) every event is written as it comes. A processor's batch size
 * ({@value ReadModels#BATCH_SIZE} recommended) decides how much is written at once.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class PartnershipViewsProjection {

  private final ReadModels readModels;
  private final String batchResource =
      ReadModelBatch.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));

  public PartnershipViewsProjection(MongoDatabase database, Serializer serializer) {
    this(new ReadModels(database, serializer));
  }

  /**
   * The projection writing {@code readModels}: given the instance the query handlers read too
   * ({@code RegistryQueries}), what it keeps of every partnership's recordings follows this
   * process's writes without reading them all again.
   */
  public PartnershipViewsProjection(ReadModels readModels) {
    this.readModels = readModels;
    // Before the processor starts: it needs this handler.
    readModels.upgrade();
  }

  /**
   * The same, first doing again a rebuild that {@code rebuild} began and did not end (the process
   * that ran it stopped or was killed): the processor, which starts after this handler exists, then
   * goes on from read models that hold every event its token has passed.
   */
  public PartnershipViewsProjection(ReadModels readModels, ReadModelRebuild rebuild) {
    this(readModels);
    rebuild.takeUpCutShort();
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
    ReadModelBatch batch = batch();
    batch.add(message, ReadModelRebuild.positionOf(token));
    if (!CurrentUnitOfWork.isStarted()
        || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork)
        || unitOfWork.isLastMessage()) {
      flush(batch);
    }
  }

  @ResetHandler
  public void reset() {
    readModels.clear();
  }

  /** The batch of the current processor batch, or a new one for a single event. */
  private ReadModelBatch batch() {
    if (!CurrentUnitOfWork.isStarted()
        || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork)) {
      return new ReadModelBatch(readModels);
    }
    return unitOfWork.getOrComputeResource(
        batchResource,
        key -> {
          ReadModelBatch batch = new ReadModelBatch(readModels);
          // Normally written by then: the last event of the batch did it. Kept for a batch whose
          // last message did not reach this handler.
          unitOfWork.onPrepareCommit(u -> flush(batch));
          return batch;
        });
  }

  private static void flush(ReadModelBatch batch) {
    if (!batch.isEmpty()) {
      batch.flush();
    }
  }
}
