package nl.partnershipregistry.core.partnership;

import java.time.LocalDate;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;

/**
 * Whether a partnership existed on a valid date, as far as the registry's sources say: the one
 * reading the state, the list and every question across partnerships share.
 */
public enum Existence {
  /** It had started by the date: its registration, dated by a source, counts by then. */
  STARTED,
  /** No source dates its start, but one dated on or before the date shows it existing. */
  EXISTING,
  /** It started after the date under every reading of its start: it did not exist yet. */
  NOT_YET_STARTED,
  /**
   * Whether it existed then is not known: no source dates its start and none dated on or before the
   * date shows it, or its start is dated circa or only by a bound that leaves the date open ("circa
   * 2003" asked of 2002, "no later than 2021" asked of 2015).
   */
  UNKNOWN;

  /**
   * The existence on {@code asOf} of a partnership whose registration, as the registry knew it, is
   * {@code registration}; {@code counted} when the state as of that date holds it (the registration
   * counts by then, see {@link PartnershipAsOf#of}).
   */
  public static Existence of(PartnershipRegistered registration, boolean counted, LocalDate asOf) {
    if (counted) {
      return registration.startKnown() ? STARTED : EXISTING;
    }
    return registration.startKnown() && registration.occurredOn().isCertainlyAfter(asOf)
        ? NOT_YET_STARTED
        : UNKNOWN;
  }

  /** True when the partnership is known to have existed on the date. */
  public boolean existed() {
    return this == STARTED || this == EXISTING;
  }
}
