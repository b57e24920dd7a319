package nl.partnershipregistry.api.problems;

import java.time.Instant;

/**
 * Nothing under the address: answered 404. {@code firstRecordedAt} is set when the registry holds
 * it now but did not yet on the {@code asKnownOn} asked: the moment it first recorded it.
 */
public class NotFound extends RuntimeException {

  private final transient Instant firstRecordedAt;

  public NotFound(String message) {
    this(message, null);
  }

  public NotFound(String message, Instant firstRecordedAt) {
    super(message);
    this.firstRecordedAt = firstRecordedAt;
  }

  /** When the registry first recorded what was asked for, or null if it holds nothing under it. */
  public Instant firstRecordedAt() {
    return firstRecordedAt;
  }
}
