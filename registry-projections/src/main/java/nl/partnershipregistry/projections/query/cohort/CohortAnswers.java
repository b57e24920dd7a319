package nl.partnershipregistry.projections.query.cohort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds {@link CohortOutcomes}. */
public final class CohortAnswers {

  private CohortAnswers() {}

  public static CohortOutcomes outcomes(
      PartnershipId id, TimeSlice slice, PartnershipAsOf partnership) {
    List<CohortOutcomes.Cohort> cohorts = new ArrayList<>();
    Count total = new Count(0, Exactness.EXACT, 0, Exactness.EXACT, 0, Exactness.EXACT);
    List<FactId> factIds = new ArrayList<>();
    for (PartnershipAsOf.Cohort cohort : partnership.cohorts()) {
      Count count =
          new Count(
              cohort.enrolled().participants(),
              cohort.enrolled().exactness(),
              cohort.droppedOut(),
              cohort.droppedOutExactness(),
              cohort.graduated(),
              cohort.graduatedExactness());
      cohorts.add(
          new CohortOutcomes.Cohort(
              cohort.cohortId(),
              cohort.enrolled().label(),
              cohort.enrolled().occurredOn(),
              outcome(count, cohort.factIds())));
      total = total.plus(count);
      factIds.addAll(cohort.factIds());
    }
    return new CohortOutcomes(
        id, slice.asOf(), slice.asKnownOn(), cohorts, outcome(total, factIds));
  }

  /** The three counts of a cohort, or of all, each with its exactness. */
  private record Count(
      int enrolled,
      Exactness enrolledExactness,
      int dropped,
      Exactness droppedExactness,
      int graduated,
      Exactness graduatedExactness) {

    Count plus(Count other) {
      return new Count(
          enrolled + other.enrolled,
          enrolledExactness.and(other.enrolledExactness),
          dropped + other.dropped,
          droppedExactness.and(other.droppedExactness),
          graduated + other.graduated,
          graduatedExactness.and(other.graduatedExactness));
    }
  }

  private static CohortOutcomes.Outcome outcome(Count count, List<FactId> factIds) {
    int enrolled = count.enrolled();
    int dropped = count.dropped();
    int graduated = count.graduated();
    BigDecimal total = BigDecimal.valueOf(enrolled);
    // Rates are unknown until someone has finished, by graduating or dropping out: 0 % would
    // claim that nobody completed.
    boolean known = enrolled > 0 && dropped + graduated > 0;
    boolean approximate =
        !count
            .enrolledExactness()
            .and(count.droppedExactness())
            .and(count.graduatedExactness())
            .isExact();
    return new CohortOutcomes.Outcome(
        enrolled,
        dropped,
        graduated,
        enrolled - dropped - graduated,
        known ? FundingAnswers.share(BigDecimal.valueOf(graduated), total) : null,
        known ? FundingAnswers.share(BigDecimal.valueOf(dropped), total) : null,
        approximate,
        count.enrolledExactness(),
        count.droppedExactness(),
        count.graduatedExactness(),
        List.copyOf(factIds));
  }
}
