package nl.partnershipregistry.projections.query.survival;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.projections.analysis.KaplanMeier;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds {@link SurvivalCurves} from partnership summaries. */
public final class SurvivalAnswers {

  private static final double DAYS_PER_YEAR = 365.25;

  private SurvivalAnswers() {}

  public static SurvivalCurves curves(
      TimeSlice slice, List<SummaryAsOf> summaries, OrganisationDirectory organisations) {
    List<SummaryAsOf> registered = summaries.stream().filter(SummaryAsOf::hasStarted).toList();
    List<SummaryAsOf> started = registered.stream().filter(SurvivalAnswers::startDated).toList();
    List<SurvivalCurves.LeftOut> leftOut =
        registered.stream()
            .filter(s -> !startDated(s))
            .sorted(
                Comparator.comparing((SummaryAsOf s) -> s.name().toLowerCase(Locale.ROOT))
                    .thenComparing(s -> s.partnershipId().value()))
            .map(s -> new SurvivalCurves.LeftOut(s.partnershipId(), s.name(), s.startedOn()))
            .toList();
    return new SurvivalCurves(
        slice.asOf(),
        slice.asKnownOn(),
        leftOut.size(),
        leftOut,
        curve("all", started, slice.asOf()),
        grouped(started, s -> s.kind().name(), slice.asOf()),
        grouped(started, SurvivalAnswers::fundingProfile, slice.asOf()),
        grouped(started, s -> concentration(s, organisations), slice.asOf()));
  }

  /**
   * True when a source dates the start, if only approximately; a start known only as a bound ("no
   * later than 2021") leaves the time at risk unknown, so the partnership is left out.
   */
  private static boolean startDated(SummaryAsOf summary) {
    return summary.startKnown() && !summary.startedOn().isBounded();
  }

  private static List<SurvivalCurves.Curve> grouped(
      List<SummaryAsOf> started, Function<SummaryAsOf, String> group, LocalDate asOf) {
    Map<String, List<SummaryAsOf>> groups = new TreeMap<>();
    started.forEach(s -> groups.computeIfAbsent(group.apply(s), g -> new ArrayList<>()).add(s));
    List<SurvivalCurves.Curve> curves = new ArrayList<>();
    groups.forEach((name, members) -> curves.add(curve(name, members, asOf)));
    return curves;
  }

  static String fundingProfile(SummaryAsOf summary) {
    BigDecimal total =
        summary.fundingByType().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    Set<FundingType> unknown = summary.typesWithoutAmount();
    if (total.signum() == 0 && unknown.isEmpty()) {
      return SurvivalCurves.NO_FUNDING_RECORDED;
    }
    BigDecimal subsidy = summary.fundingByType().getOrDefault(FundingType.SUBSIDY, BigDecimal.ZERO);
    boolean subsidyUnknown = unknown.contains(FundingType.SUBSIDY);
    boolean otherUnknown = unknown.stream().anyMatch(t -> t != FundingType.SUBSIDY);
    boolean moreThanHalf = subsidy.multiply(BigDecimal.valueOf(2)).compareTo(total) > 0;
    if (total.signum() == 0) {
      moreThanHalf = subsidyUnknown;
    }
    if (moreThanHalf && !otherUnknown) {
      return SurvivalCurves.SUBSIDY_DEPENDENT;
    }
    if (!moreThanHalf && !subsidyUnknown) {
      return SurvivalCurves.NOT_SUBSIDY_DEPENDENT;
    }
    return SurvivalCurves.FUNDING_AMOUNTS_UNKNOWN;
  }

  static String concentration(SummaryAsOf summary, OrganisationDirectory organisations) {
    Map<OrganisationId, Integer> byGroup = new HashMap<>();
    int employers = 0;
    for (OrganisationId partner : summary.everPartners()) {
      if (organisations.isEmployer(partner)) {
        employers++;
        byGroup.merge(organisations.dependencyUnit(partner), 1, Integer::sum);
      }
    }
    if (employers == 0) {
      return SurvivalCurves.NO_EMPLOYER_RECORDED;
    }
    int largest = byGroup.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return largest * 2 > employers ? SurvivalCurves.CONCENTRATED : SurvivalCurves.SPREAD;
  }

  private static SurvivalCurves.Curve curve(
      String group, List<SummaryAsOf> members, LocalDate asOf) {
    List<KaplanMeier.Observation> observations = new ArrayList<>();
    for (SummaryAsOf summary : members) {
      LocalDate start = summary.startedOn().countsFrom();
      boolean ended = summary.discontinuedOn() != null;
      LocalDate end = ended ? summary.discontinuedOn().countsFrom() : asOf;
      observations.add(
          new KaplanMeier.Observation(Math.max(0, ChronoUnit.DAYS.between(start, end)), ended));
    }
    KaplanMeier.Estimate estimate = KaplanMeier.estimate(observations);
    return new SurvivalCurves.Curve(
        group,
        estimate.subjects(),
        estimate.ended(),
        estimate.censored(),
        estimate.medianDays() == null ? null : years(estimate.medianDays()),
        estimate.steps().stream()
            .map(
                s ->
                    new SurvivalCurves.Step(
                        years(s.days()), s.atRisk(), s.ended(), s.censored(), round(s.survival())))
            .toList());
  }

  private static double years(long days) {
    return round(days / DAYS_PER_YEAR);
  }

  private static double round(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
  }
}
