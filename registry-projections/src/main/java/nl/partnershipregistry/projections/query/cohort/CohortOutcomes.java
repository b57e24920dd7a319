package nl.partnershipregistry.projections.query.cohort;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Cohort outcomes on {@code asOf}. The completion rate is graduates over enrolled (STBK: about 55
 * diplomas of about 75 enrolled, 0.7333), to four decimals, and the drop-out rate likewise; both
 * null until someone has graduated or dropped out (nothing is known of completion yet); {@code
 * approximate} when any number it rests on is not exact. Each count says how exact it is ({@code
 * enrolledExactness}, {@code droppedOutExactness}, {@code graduatedExactness}): {@code EXACT},
 * {@code APPROXIMATE} ("zo'n 75") or {@code AT_LEAST} ("ruim 75"); a sum is exact only when every
 * part is, and at least when any part is.
 */
public record CohortOutcomes(
    PartnershipId partnershipId,
    LocalDate asOf,
    Instant asKnownOn,
    List<Cohort> cohorts,
    Outcome total) {

  /** One cohort. */
  public record Cohort(CohortId cohortId, String label, FactDate enrolledOn, Outcome outcome) {}

  /** Counts and rates. */
  public record Outcome(
      int enrolled,
      int droppedOut,
      int graduated,
      int stillEnrolled,
      BigDecimal completionRate,
      BigDecimal dropoutRate,
      boolean approximate,
      Exactness enrolledExactness,
      Exactness droppedOutExactness,
      Exactness graduatedExactness,
      List<FactId> factIds) {}
}
