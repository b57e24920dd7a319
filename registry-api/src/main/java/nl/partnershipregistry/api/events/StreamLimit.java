package nl.partnershipregistry.api.events;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many live streams each user may hold open at once. A stream takes a place when it opens and
 * gives it back when it ends, however it ends.
 */
public final class StreamLimit {

  private final int perUser;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  public StreamLimit(int perUser) {
    if (perUser < 1) {
      throw new IllegalArgumentException(
          "registry.events.streams-per-user must be 1 or more, not " + perUser);
    }
    this.perUser = perUser;
  }

  /** The most streams one user may hold open. */
  public int perUser() {
    return perUser;
  }

  /** A place for one more stream of {@code user}; empty when the user holds the most allowed. */
  public Optional<Place> take(String user) {
    boolean[] taken = {false};
    open.compute(
        user,
        (name, count) -> {
          int held = count == null ? 0 : count;
          if (held >= perUser) {
            return count;
          }
          taken[0] = true;
          return held + 1;
        });
    return taken[0] ? Optional.of(new Place(user)) : Optional.empty();
  }

  /** The streams {@code user} holds open. */
  public int held(String user) {
    return open.getOrDefault(user, 0);
  }

  /** One open stream's place; closing it again changes nothing. */
  public final class Place implements AutoCloseable {

    private final String user;
    private final AtomicBoolean given = new AtomicBoolean();

    private Place(String user) {
      this.user = user;
    }

    @Override
    public void close() {
      if (given.compareAndSet(false, true)) {
        open.computeIfPresent(user, (name, count) -> count > 1 ? count - 1 : null);
      }
    }
  }
}
