package nl.partnershipregistry.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.partnershipregistry.api.operations.ReadModelReadiness.Filling;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/**
 * After a start, once the read models may answer, the registry list and today's survival curves are
 * asked once in the background, so that the first people to ask them do not each wait for what they
 * are made from.
 */
class ReadModelWarmUpTest {

  @Test
  void the_list_then_todays_survival_curves_are_asked_once_the_read_models_are_ready()
      throws Exception {
    ReadModelReadiness readiness = mock(ReadModelReadiness.class);
    when(readiness.pending())
        .thenReturn(Optional.of(Filling.CATCHING_UP), Optional.of(Filling.CATCHING_UP))
        .thenReturn(Optional.empty());
    List<Object> asked = new CopyOnWriteArrayList<>();
    QueryGateway queries = mock(QueryGateway.class);
    when(queries.query(any(), any(ResponseType.class)))
        .thenAnswer(
            call -> {
              asked.add(call.getArgument(0));
              return CompletableFuture.completedFuture(null);
            });

    new ReadModelWarmUp(readiness, queries).start();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (asked.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(asked).hasSize(2);
    assertThat(asked.get(0)).isInstanceOf(FindPartnerships.class);
    assertThat(asked.get(1)).isEqualTo(new FindSurvivalCurves(null, null));
  }
}
