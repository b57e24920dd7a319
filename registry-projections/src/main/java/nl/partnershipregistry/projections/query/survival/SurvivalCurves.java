package nl.partnershipregistry.projections.query.survival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.time.TimeSlice;

/**
 * Survival curves of the partnerships that had started by {@code asOf}. Time runs from the first
 * day of the registration's date to the first day of the discontinuation's date in effect on {@code
 * asOf}; a partnership running on {@code asOf} (also after a revival) is censored there. Years are
 * days / 365.25.
 *
 * <p>A partnership whose start no source dates is left out of every curve and counted in {@code
 * leftOutStartUnknown}: its registration date is only the earliest evidence that it existed, so its
 * time from start is unknown, and without its age at that evidence it cannot be entered late
 * (left-truncated) either. {@code leftOut} names them, by name, with the earliest evidence that
 * each existed.
 *
 * <p>Funding profile: subsidy-dependent when subsidies are more than half of all funding awarded up
 * to {@code asOf}; where funding without a known amount could tip that either way, the profile is
 * "funding amounts unknown". Employer concentration: concentrated when one employer group makes up
 * more than half of the employers that were ever partners.
 */
public record SurvivalCurves(
    LocalDate asOf,
    Instant asKnownOn,
    int leftOutStartUnknown,
    List<LeftOut> leftOut,
    Curve overall,
    List<Curve> byKind,
    List<Curve> byFundingProfile,
    List<Curve> byEmployerConcentration) {

  /** The same curves, answered for the slice's state of knowledge (the same valid date). */
  public SurvivalCurves asKnownOn(TimeSlice slice) {
    return new SurvivalCurves(
        asOf,
        slice.asKnownOn(),
        leftOutStartUnknown,
        leftOut,
        overall,
        byKind,
        byFundingProfile,
        byEmployerConcentration);
  }

  /** A partnership left out because no source dates its start; it existed by {@code existingBy}. */
  public record LeftOut(PartnershipId partnershipId, String name, FactDate existingBy) {}

  /** One group's curve; {@code medianYears} is null while survival stays above one half. */
  public record Curve(
      String group,
      int partnerships,
      int discontinued,
      int censored,
      Double medianYears,
      List<Step> steps) {}

  /** Survival after the ends and censorings at one time. */
  public record Step(double years, int atRisk, int discontinued, int censored, double survival) {}

  public static final String SUBSIDY_DEPENDENT = "subsidy-dependent";
  public static final String NOT_SUBSIDY_DEPENDENT = "not subsidy-dependent";
  public static final String NO_FUNDING_RECORDED = "no funding recorded";
  public static final String FUNDING_AMOUNTS_UNKNOWN = "funding amounts unknown";
  public static final String CONCENTRATED = "one employer group carries more than half";
  public static final String SPREAD = "no employer group carries more than half";
  public static final String NO_EMPLOYER_RECORDED = "no employer recorded";
}
