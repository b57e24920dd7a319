package nl.partnershipregistry.core.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When and by whom a fact entered the registry (transaction time). The web edge fills it from its
 * clock and the authenticated user; it is never taken from a request body.
 */
public record Recording(Instant at, String by) {

  public Recording {
    Require.present(at, "recordedAt");
    at = at.truncatedTo(ChronoUnit.MILLIS);
    by = Require.name(by, "recordedBy");
  }

  public static Recording of(Instant at, String by) {
    return new Recording(at, by);
  }
}
