package nl.partnershipregistry.projections.analysis;

import java.time.LocalDate;
import java.util.NavigableMap;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * A partnership's summary on every valid date, as one state of knowledge has it: {@link
 * SummaryAsOf} of {@link PartnershipAsOf} along the timeline ({@link PartnershipAsOf#along}), so
 * that the questions across partnerships ask any date of it without walking the history again.
 */
public final class SummaryTimeline {

  private final NavigableMap<LocalDate, SummaryAsOf> summaries;

  private SummaryTimeline(NavigableMap<LocalDate, SummaryAsOf> summaries) {
    this.summaries = summaries;
  }

  public static SummaryTimeline of(PartnershipId partnershipId, PartnershipHistory history) {
    return new SummaryTimeline(
        PartnershipAsOf.along(history, state -> SummaryAsOf.of(partnershipId, state)));
  }

  /** The summary on a valid date. */
  public SummaryAsOf at(LocalDate asOf) {
    return summaries.floorEntry(asOf).getValue();
  }
}
