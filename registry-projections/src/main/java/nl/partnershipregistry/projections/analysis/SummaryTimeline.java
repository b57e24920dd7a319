package nl.partnershipregistry.projections.analysis;

import java.time.LocalDate;
import java.util.NavigableMap;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * A partnership's summary on every valid date, as one state of knowledge has it: {@link
 * SummaryAsOf} of {@link PartnershipAsOf} along the timeline ({@link PartnershipAsOf#along}), so
 * that the questions across partnerships ask any date of it without walking the history again.
 */
public final class SummaryTimeline {

  private final NavigableMap<LocalDate, SummaryAsOf> summaries;

  /** The registration as known, whatever its date; null in a history without one. */
  private final PartnershipRegistered registration;

  private SummaryTimeline(
      NavigableMap<LocalDate, SummaryAsOf> summaries, PartnershipRegistered registration) {
    this.summaries = summaries;
    this.registration = registration;
  }

  public static SummaryTimeline of(PartnershipId partnershipId, PartnershipHistory history) {
    return new SummaryTimeline(
        PartnershipAsOf.along(history, state -> SummaryAsOf.of(partnershipId, state)),
        history.registration().orElse(null));
  }

  /**
   * The summary on a valid date; before the registration counts, the partnership as its
   * registration identifies it, with its existence then (not yet started, or not known).
   */
  public SummaryAsOf at(LocalDate asOf) {
    SummaryAsOf summary = summaries.floorEntry(asOf).getValue();
    return summary.hasStarted() || registration == null
        ? summary
        : summary.beforeItCounts(registration, asOf);
  }
}
