package nl.partnershipregistry.projections.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The two dates every question is asked for: how things stood in the world ({@code asOf}, valid
 * time) and what the registry knew ({@code asKnownOn}, transaction time). "What did the registry
 * say on 1 March 2012 about how things stood on 1 January 2008?" is {@code asOf = 2008-01-01,
 * asKnownOn = 2012-03-01T00:00:00+01:00}.
 */
public record TimeSlice(LocalDate asOf, Instant asKnownOn) {

  /** The registry's calendar, in which "today" is reckoned. */
  public static final ZoneId REGISTRY_ZONE = ZoneId.of("Europe/Amsterdam");

  public TimeSlice {
    if (asOf == null || asKnownOn == null) {
      throw new IllegalArgumentException("a time slice needs both asOf and asKnownOn");
    }
  }

  /** Today as the registry knows it now; either date may be given, the other defaults. */
  public static TimeSlice of(LocalDate asOf, Instant asKnownOn, Clock clock) {
    Instant now = clock.instant();
    return new TimeSlice(
        asOf == null ? LocalDate.ofInstant(now, REGISTRY_ZONE) : asOf,
        asKnownOn == null ? now : asKnownOn);
  }
}
