package nl.partnershipregistry.projections.time;

import java.time.Instant;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;

/**
 * A partnership's history as the registry knew it at an instant: only the events recorded up to
 * then, with only the corrections and retractions recorded up to then applied. A fact recorded late
 * is absent before it was recorded; a corrected fact shows its old value before the correction and
 * its new value after; a retracted fact is gone from the retraction on.
 */
public final class KnownHistory {

  private KnownHistory() {}

  /** The history known at {@code asKnownOn}, from a partnership's events in recording order. */
  public static PartnershipHistory of(
      Iterable<? extends PartnershipEvent> events, Instant asKnownOn) {
    PartnershipHistory history = new PartnershipHistory();
    for (PartnershipEvent event : events) {
      if (!event.recorded().at().isAfter(asKnownOn)) {
        history.add(event);
      }
    }
    return history;
  }
}
