package nl.partnershipregistry.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import nl.partnershipregistry.api.operations.ReadModelReadiness.Filling;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the read models may answer: a filling ends once they applied the head it began with. */
class ReadModelReadinessTest {

  private final MongoEventStorageEngine engine = mock(MongoEventStorageEngine.class);
  private final QueryGateway queries = mock(QueryGateway.class);
  private final AtomicLong head = new AtomicLong(-1);
  private final AtomicLong applied = new AtomicLong(-1);

  @BeforeEach
  void storeAndReadModels() {
    when(engine.createHeadToken())
        .thenAnswer(call -> head.get() < 0 ? null : new GlobalSequenceTrackingToken(head.get()));
    when(queries.query(any(), any(ResponseType.class)))
        .thenAnswer(
            call ->
                CompletableFuture.completedFuture(
                    new ProjectionPosition(ReadModels.PROCESSING_GROUP, null, applied.get())));
  }

  private ReadModelReadiness readiness() {
    return new ReadModelReadiness(engine, queries, mock(EventProcessingConfiguration.class));
  }

  @Test
  void an_empty_store_is_ready_at_once() {
    assertThat(readiness().pending()).isEmpty();
  }

  @Test
  void a_start_waits_for_the_events_stored_before_it() {
    head.set(300);
    applied.set(100);
    ReadModelReadiness readiness = readiness();
    head.set(400);

    assertThat(readiness.pending()).contains(Filling.CATCHING_UP);
    applied.set(300);
    assertThat(readiness.pending()).isEmpty();
  }

  @Test
  void a_rebuild_is_refused_from_its_start_until_it_reached_the_head_and_then_never_again() {
    head.set(300);
    applied.set(300);
    ReadModelReadiness readiness = readiness();

    readiness.hold(Filling.REBUILDING);
    assertThat(readiness.pending()).contains(Filling.REBUILDING);
    applied.set(-1);
    readiness.await(Filling.REBUILDING);
    assertThat(readiness.pending()).contains(Filling.REBUILDING);
    assertThatThrownBy(readiness::requireReady)
        .isInstanceOf(ReadModelsNotReady.class)
        .hasMessage(
            "The read models are being rebuilt from the event store; ask again in a few seconds.");

    applied.set(300);
    assertThat(readiness.pending()).isEmpty();
    // New writes not yet applied are lag, not a filling.
    head.set(500);
    applied.set(400);
    assertThat(readiness.pending()).isEmpty();
  }

  @Test
  void an_answer_read_while_a_rebuild_began_and_ended_is_refused_however_quick_the_rebuild() {
    head.set(300);
    applied.set(300);
    ReadModelReadiness readiness = readiness();
    long since = readiness.requireReady();

    // The read models are emptied and filled again while the answer is being read.
    readiness.hold(Filling.REBUILDING);
    readiness.await(Filling.REBUILDING);
    assertThat(readiness.pending()).isEmpty();

    assertThatThrownBy(() -> readiness.requireReadySince(since))
        .isInstanceOf(ReadModelsNotReady.class)
        .hasMessage(
            "The read models are being rebuilt from the event store; ask again in a few seconds.");
    // A question asked after it is answered.
    long now = readiness.requireReady();
    readiness.requireReadySince(now);
  }

  @Test
  void an_import_holds_until_its_end_is_known_and_applied() {
    ReadModelReadiness readiness = readiness();
    readiness.hold(Filling.LOADING_DEMO);
    head.set(200);
    applied.set(200);
    assertThat(readiness.pending()).contains(Filling.LOADING_DEMO);

    head.set(409);
    readiness.await(Filling.LOADING_DEMO);
    assertThat(readiness.pending()).contains(Filling.LOADING_DEMO);
    applied.set(409);
    assertThat(readiness.pending()).isEmpty();
  }
}
