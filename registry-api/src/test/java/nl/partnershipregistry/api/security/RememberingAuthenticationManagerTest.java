package nl.partnershipregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.partnershipregistry.api.security.SecurityProperties.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class RememberingAuthenticationManagerTest {

  static final Authentication RESEARCHER =
      UsernamePasswordAuthenticationToken.unauthenticated("researcher", "researcher");

  final AtomicInteger checks = new AtomicInteger();

  @Test
  void credentials_arriving_while_they_are_checked_share_the_one_check() {
    Sinks.One<Authentication> outcome = Sinks.one();
    ReactiveAuthenticationManager slow =
        authentication -> {
          checks.incrementAndGet();
          return outcome.asMono();
        };
    RememberingAuthenticationManager manager =
        new RememberingAuthenticationManager(slow, Duration.ofMinutes(5), Clock.systemUTC());

    List<Authentication> results = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      manager.authenticate(RESEARCHER).subscribe(results::add);
    }
    outcome.tryEmitValue(accepted());

    assertThat(checks).as("checks of the same credentials asked 100 times at once").hasValue(1);
    assertThat(results).hasSize(100);
  }

  @Test
  void accepted_credentials_are_remembered_for_a_while_and_then_checked_again() {
    SignInThrottleTest.MutableClock clock = new SignInThrottleTest.MutableClock();
    RememberingAuthenticationManager manager =
        new RememberingAuthenticationManager(counting(true), Duration.ofMinutes(5), clock);

    manager.authenticate(RESEARCHER).block();
    manager.authenticate(RESEARCHER).block();
    assertThat(checks).hasValue(1);

    clock.advance(Duration.ofMinutes(6));
    manager.authenticate(RESEARCHER).block();
    assertThat(checks).hasValue(2);
  }

  @Test
  void refused_credentials_are_never_remembered() {
    RememberingAuthenticationManager manager =
        new RememberingAuthenticationManager(
            counting(false), Duration.ofMinutes(5), Clock.systemUTC());

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> manager.authenticate(RESEARCHER).block())
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThat(checks).hasValue(3);
  }

  @Test
  void a_sign_in_encodes_no_password_it_only_checks_it() {
    AtomicInteger encoded = new AtomicInteger();
    PasswordEncoder delegating = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    PasswordEncoder counting =
        new PasswordEncoder() {
          @Override
          public String encode(CharSequence raw) {
            encoded.incrementAndGet();
            return delegating.encode(raw);
          }

          @Override
          public boolean matches(CharSequence raw, String encodedPassword) {
            return delegating.matches(raw, encodedPassword);
          }

          @Override
          public boolean upgradeEncoding(String encodedPassword) {
            return delegating.upgradeEncoding(encodedPassword);
          }
        };
    SecurityConfiguration configuration = new SecurityConfiguration();
    SecurityProperties properties =
        new SecurityProperties(
            List.of(
                new SecurityProperties.User("researcher", "researcher", Set.of(Role.RESEARCHER))),
            null);
    ReactiveAuthenticationManager manager =
        configuration.authenticationManager(configuration.users(properties), counting);

    Authentication signedIn = manager.authenticate(RESEARCHER).block();

    assertThat(signedIn.isAuthenticated()).isTrue();
    assertThat(encoded).as("passwords encoded (bcrypt, tens of ms each) by a sign-in").hasValue(0);
  }

  private ReactiveAuthenticationManager counting(boolean accept) {
    return authentication -> {
      checks.incrementAndGet();
      return accept ? Mono.just(accepted()) : Mono.error(new BadCredentialsException("no"));
    };
  }

  private static Authentication accepted() {
    return UsernamePasswordAuthenticationToken.authenticated("researcher", null, List.of());
  }
}
