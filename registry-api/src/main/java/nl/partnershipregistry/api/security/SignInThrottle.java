package nl.partnershipregistry.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down the guessing of passwords: after {@code failures} failed sign-ins within {@code
 * within}, for one user or from one client address, further sign-ins for that user or from that
 * address are refused for a while, at first {@code firstBlock}, twice as long each time the
 * failures go on, never longer than {@code longestBlock}. A quiet period as long as {@code within}
 * after a block forgets it, and a successful sign-in forgets the user's failures, so that the real
 * user is kept out at most one block after the guessing stops. Requests without credentials are no
 * sign-ins and are not counted.
 */
final class SignInThrottle {

  private static final int MAX_TRACKED = 10_000;

  private final SecurityProperties.SignInThrottle settings;
  private final Clock clock;
  private final Map<String, Record> records = new ConcurrentHashMap<>();

  SignInThrottle(SecurityProperties.SignInThrottle settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long a sign-in by this user from this address must wait; zero when it may go ahead. */
  Duration waitFor(String user, String address) {
    Instant now = clock.instant();
    Duration byUser = wait(userKey(user), now);
    Duration byAddress = wait(addressKey(address), now);
    return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
  }

  void failed(String user, String address) {
    Instant now = clock.instant();
    if (records.size() >= MAX_TRACKED) {
      records.values().removeIf(record -> record.forgotten(now, settings.within()));
      if (records.size() >= MAX_TRACKED) {
        records.clear();
      }
    }
    records.compute(userKey(user), (key, record) -> failure(record, now));
    records.compute(addressKey(address), (key, record) -> failure(record, now));
  }

  void succeeded(String user) {
    records.remove(userKey(user));
  }

  private Duration wait(String key, Instant now) {
    Record record = records.get(key);
    if (record == null || record.blockedUntil() == null || !now.isBefore(record.blockedUntil())) {
      return Duration.ZERO;
    }
    return Duration.between(now, record.blockedUntil());
  }

  private Record failure(Record record, Instant now) {
    if (record == null || record.forgotten(now, settings.within())) {
      record = new Record(now, 0, 0, null);
    }
    if (record.blockedUntil() != null && now.isBefore(record.blockedUntil())) {
      return record;
    }
    boolean sameWindow = now.isBefore(record.windowStart().plus(settings.within()));
    Instant windowStart = sameWindow ? record.windowStart() : now;
    int failures = (sameWindow ? record.failures() : 0) + 1;
    if (failures < settings.failures()) {
      return new Record(windowStart, failures, record.blocks(), record.blockedUntil());
    }
    int blocks = record.blocks() + 1;
    Duration block = settings.firstBlock().multipliedBy(1L << Math.min(blocks - 1, 20));
    if (block.compareTo(settings.longestBlock()) > 0) {
      block = settings.longestBlock();
    }
    return new Record(now, 0, blocks, now.plus(block));
  }

  private static String userKey(String user) {
    return "user " + user;
  }

  private static String addressKey(String address) {
    return "address " + address;
  }

  /**
   * @param windowStart when the failures counted began
   * @param failures failed sign-ins since then
   * @param blocks blocks in a row so far, each twice as long as the one before
   * @param blockedUntil the end of the last block, or null
   */
  private record Record(Instant windowStart, int failures, int blocks, Instant blockedUntil) {

    /** Nothing has happened for a whole window, after any block ended. */
    boolean forgotten(Instant now, Duration within) {
      Instant last =
          blockedUntil != null && blockedUntil.isAfter(windowStart) ? blockedUntil : windowStart;
      return !now.isBefore(last.plus(within));
    }
  }
}
