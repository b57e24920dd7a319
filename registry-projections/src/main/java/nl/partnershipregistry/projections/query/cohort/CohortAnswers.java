package nl.partnershipregistry.projections.query.cohort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
    int enrolled = 0;
    int dropped = 0;
    int graduated = 0;
    boolean approximate = false;
    List<FactId> factIds = new ArrayList<>();
    for (PartnershipAsOf.Cohort cohort : partnership.cohorts()) {
      cohorts.add(
          new CohortOutcomes.Cohort(
              cohort.cohortId(),
              cohort.enrolled().label(),
              cohort.enrolled().occurredOn(),
              outcome(
                  cohort.enrolled().participants(),
                  cohort.droppedOut(),
                  cohort.graduated(),
                  cohort.approximate(),
                  cohort.factIds())));
      enrolled += cohort.enrolled().participants();
      dropped += cohort.droppedOut();
      graduated += cohort.graduated();
      approximate |= cohort.approximate();
      factIds.addAll(cohort.factIds());
    }
    return new CohortOutcomes(
        id,
        slice.asOf(),
        slice.asKnownOn(),
        cohorts,
        outcome(enrolled, dropped, graduated, approximate, factIds));
  }

  private static CohortOutcomes.Outcome outcome(
      int enrolled, int dropped, int graduated, boolean approximate, List<FactId> factIds) {
    BigDecimal total = BigDecimal.valueOf(enrolled);
    // Rates are unknown until someone has finished, by graduating or dropping out: 0 % would
    // claim that nobody completed.
    boolean known = enrolled > 0 && dropped + graduated > 0;
    return new CohortOutcomes.Outcome(
        enrolled,
        dropped,
        graduated,
        enrolled - dropped - graduated,
        known ? FundingAnswers.share(BigDecimal.valueOf(graduated), total) : null,
        known ? FundingAnswers.share(BigDecimal.valueOf(dropped), total) : null,
        approximate,
        List.copyOf(factIds));
  }
}
