package nl.partnershipregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  final MutableClock clock = new MutableClock();
  final SignInThrottle throttle =
      new SignInThrottle(
          new SecurityProperties.SignInThrottle(
              3, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(10)),
          clock);

  void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.waitFor(user, address)).isZero();
      throttle.failed(user, address);
    }
  }

  @Test
  void a_user_is_refused_for_a_while_after_repeated_failures() {
    fail("auditor", "10.0.0.1", 2);
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isZero();
    throttle.failed("auditor", "10.0.0.1");

    assertThat(throttle.waitFor("auditor", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.waitFor("auditor", "10.0.0.2")).isZero();
  }

  @Test
  void an_address_is_refused_for_a_while_whichever_users_it_tries() {
    throttle.failed("auditor", "10.0.0.1");
    throttle.failed("funder", "10.0.0.1");
    throttle.failed("researcher", "10.0.0.1");

    assertThat(throttle.waitFor("registrar", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.waitFor("registrar", "10.0.0.9")).isZero();
  }

  @Test
  void blocks_grow_while_the_failures_go_on_but_never_beyond_the_longest() {
    fail("auditor", "10.0.0.1", 3);
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    fail("auditor", "10.0.0.1", 3);
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    clock.advance(Duration.ofSeconds(4));
    fail("auditor", "10.0.0.1", 3);
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isEqualTo(Duration.ofSeconds(8));
    clock.advance(Duration.ofSeconds(8));
    fail("auditor", "10.0.0.1", 3);
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void a_quiet_minute_forgets_the_failures_and_the_blocks() {
    fail("auditor", "10.0.0.1", 3);
    clock.advance(Duration.ofSeconds(2).plusMinutes(1));
    fail("auditor", "10.0.0.1", 2);
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isZero();
    throttle.failed("auditor", "10.0.0.1");
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void failures_spread_over_more_than_a_minute_are_not_counted_together() {
    fail("auditor", "10.0.0.1", 2);
    clock.advance(Duration.ofSeconds(61));
    fail("auditor", "10.0.0.1", 2);
    assertThat(throttle.waitFor("auditor", "10.0.0.1")).isZero();
  }

  @Test
  void a_successful_sign_in_forgets_the_users_failures() {
    fail("auditor", "10.0.0.1", 2);
    throttle.succeeded("auditor");
    throttle.failed("auditor", "10.0.0.2");
    assertThat(throttle.waitFor("auditor", "10.0.0.2")).isZero();
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-04T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
