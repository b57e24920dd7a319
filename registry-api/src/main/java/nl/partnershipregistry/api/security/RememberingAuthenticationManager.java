package nl.partnershipregistry.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a few minutes, the credentials it has just checked. With HTTP Basic every request
 * carries the password, and checking an encoded one ({@code bcrypt}) takes tens of milliseconds by
 * design; a client asking many questions pays that once per few minutes instead of per request.
 * Only a digest of the credentials is kept, and only of those that were accepted.
 */
class RememberingAuthenticationManager implements ReactiveAuthenticationManager {

  private static final int MAX_REMEMBERED = 10_000;

  private final ReactiveAuthenticationManager delegate;
  private final Duration remember;
  private final Clock clock;
  private final Map<String, Remembered> accepted = new ConcurrentHashMap<>();
  private final Map<String, Mono<Authentication>> checking = new ConcurrentHashMap<>();

  RememberingAuthenticationManager(
      ReactiveAuthenticationManager delegate, Duration remember, Clock clock) {
    this.delegate = delegate;
    this.remember = remember;
    this.clock = clock;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    if (!(authentication.getCredentials() instanceof String password)) {
      return delegate.authenticate(authentication);
    }
    String key = digest(authentication.getName(), password);
    Remembered known = accepted.get(key);
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.until())) {
      return Mono.just(known.authentication());
    }
    // Requests that arrive with the same credentials while they are being checked share the one
    // check, instead of each paying for it (a thousand streams opened at once).
    Mono<Authentication> check =
        Mono.defer(() -> delegate.authenticate(authentication))
            .doOnNext(
                result -> {
                  if (accepted.size() >= MAX_REMEMBERED) {
                    accepted.clear();
                  }
                  accepted.put(key, new Remembered(result, now.plus(remember)));
                })
            .cache();
    Mono<Authentication> running = checking.putIfAbsent(key, check);
    if (running != null) {
      return running;
    }
    return check.doFinally(signal -> checking.remove(key, check));
  }

  private static String digest(String name, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Remembered(Authentication authentication, Instant until) {}
}
