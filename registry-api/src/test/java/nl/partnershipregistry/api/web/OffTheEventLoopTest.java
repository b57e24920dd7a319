package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.partnershipregistry.core.common.InvalidValue;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * A client that goes away while its command is being stored must not interrupt the thread storing
 * it: the MongoDB driver inside Axon's unit of work fails on an interrupt and leaves the unit of
 * work open on a pooled thread.
 */
class OffTheEventLoopTest {

  @Test
  void work_whose_client_went_away_is_carried_out_whole_without_an_interrupt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);

    Disposable request =
        OffTheEventLoop.call(
                () -> {
                  started.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    interrupted.set(true);
                  }
                  finished.countDown();
                  return "stored";
                })
            .subscribe();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    request.dispose();
    Thread.sleep(200);
    release.countDown();

    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).as("the worker was interrupted by the cancel").isFalse();
  }

  @Test
  void a_refusal_reaches_the_caller_as_it_was_thrown() {
    assertThatThrownBy(
            () ->
                OffTheEventLoop.call(
                        () -> {
                          throw new InvalidValue("name", "name: is empty");
                        })
                    .block(Duration.ofSeconds(10)))
        .isInstanceOf(InvalidValue.class);
  }
}
