package nl.partnershipregistry.projections.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.FundingType;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.projections.analysis.PartnershipAsOf;
import nl.partnershipregistry.projections.analysis.ProRata;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds a {@link FundingMix}. */
final class FundingAnswers {

  static final Set<FundingType> OWN_REVENUE =
      EnumSet.of(
          FundingType.MEMBER_FEES,
          FundingType.TUITION,
          FundingType.CONTRACT_REVENUE,
          FundingType.APPLIED_RESEARCH_REVENUE);

  private static final BigDecimal QUARTER = new BigDecimal("0.25");
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal FIVE_POINTS = new BigDecimal("0.05");

  private FundingAnswers() {}

  static FundingMix mix(PartnershipId id, TimeSlice slice, PartnershipAsOf partnership) {
    LocalDate asOf = slice.asOf();
    Map<Integer, Map<FundingType, BigDecimal>> byYear = new TreeMap<>();
    Map<Integer, List<FactId>> factsByYear = new LinkedHashMap<>();
    for (PartnershipAsOf.Funding funding : partnership.fundings()) {
      Optional<LocalDate> last = lastDay(funding, asOf);
      if (last.isEmpty()) {
        continue;
      }
      ProRata.perYear(funding.netAmount(), funding.period().from().earliest(), last.get())
          .forEach(
              (year, amount) -> {
                byYear
                    .computeIfAbsent(year, y -> new EnumMap<>(FundingType.class))
                    .merge(funding.type(), amount, BigDecimal::add);
                factsByYear.computeIfAbsent(year, y -> new ArrayList<>()).addAll(funding.factIds());
              });
    }
    List<FundingMix.Year> years = new ArrayList<>();
    byYear.forEach((year, amounts) -> years.add(year(year, amounts, factsByYear.get(year))));
    return new FundingMix(
        id,
        asOf,
        slice.asKnownOn(),
        years,
        trend(years, asOf.getYear()),
        cliffs(partnership, asOf));
  }

  /** The last day a funding counts, as known on the valid date; empty if it has no days. */
  static Optional<LocalDate> lastDay(PartnershipAsOf.Funding funding, LocalDate asOf) {
    LocalDate last = funding.lastDay().orElse(asOf);
    return last.isBefore(funding.period().from().earliest()) ? Optional.empty() : Optional.of(last);
  }

  private static FundingMix.Year year(
      int year, Map<FundingType, BigDecimal> amounts, List<FactId> factIds) {
    BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<FundingType, BigDecimal> shares = new EnumMap<>(FundingType.class);
    amounts.forEach((type, amount) -> shares.put(type, share(amount, total)));
    BigDecimal own =
        amounts.entrySet().stream()
            .filter(e -> OWN_REVENUE.contains(e.getKey()))
            .map(Map.Entry::getValue)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new FundingMix.Year(
        year,
        total,
        amounts,
        shares,
        share(amounts.getOrDefault(FundingType.SUBSIDY, BigDecimal.ZERO), total),
        share(own, total),
        share(amounts.getOrDefault(FundingType.CO_FINANCING, BigDecimal.ZERO), total),
        share(amounts.getOrDefault(FundingType.IN_KIND, BigDecimal.ZERO), total),
        List.copyOf(new LinkedHashSet<>(factIds)));
  }

  static BigDecimal share(BigDecimal part, BigDecimal total) {
    return total.signum() == 0 ? BigDecimal.ZERO : part.divide(total, 4, RoundingMode.HALF_EVEN);
  }

  private static FundingMix.Trend trend(List<FundingMix.Year> years, int year) {
    Optional<FundingMix.Year> now = years.stream().filter(y -> y.year() == year).findFirst();
    Optional<FundingMix.Year> before = years.stream().filter(y -> y.year() == year - 2).findFirst();
    if (now.isEmpty() || before.isEmpty()) {
      return FundingMix.Trend.UNKNOWN;
    }
    BigDecimal change = now.get().ownRevenueShare().subtract(before.get().ownRevenueShare());
    if (change.compareTo(FIVE_POINTS) > 0) {
      return FundingMix.Trend.RISING;
    }
    return change.compareTo(FIVE_POINTS.negate()) < 0
        ? FundingMix.Trend.FALLING
        : FundingMix.Trend.STABLE;
  }

  static List<FundingMix.SubsidyCliff> cliffs(PartnershipAsOf partnership, LocalDate asOf) {
    List<PartnershipAsOf.Funding> inForce =
        partnership.fundings().stream().filter(f -> f.isInForce(asOf)).toList();
    BigDecimal totalRate =
        inForce.stream().map(f -> rate(f, asOf)).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<FundingMix.SubsidyCliff> cliffs = new ArrayList<>();
    for (PartnershipAsOf.Funding subsidy : inForce) {
      if (subsidy.type() != FundingType.SUBSIDY || subsidy.renewedAs() != null) {
        continue;
      }
      Optional<LocalDate> end = subsidy.lastDay();
      if (end.isEmpty() || end.get().isAfter(asOf.plusMonths(12))) {
        continue;
      }
      BigDecimal rate = rate(subsidy, asOf);
      BigDecimal shareOfFunding = share(rate, totalRate);
      if (shareOfFunding.compareTo(QUARTER) < 0) {
        continue;
      }
      LocalDate dayAfter = end.get().plusDays(1);
      boolean replaced =
          partnership.fundings().stream()
              .filter(f -> !f.fundingId().equals(subsidy.fundingId()))
              .filter(f -> f.isInForce(dayAfter))
              .anyMatch(f -> rate(f, asOf).compareTo(rate.multiply(HALF)) >= 0);
      if (replaced) {
        continue;
      }
      cliffs.add(
          new FundingMix.SubsidyCliff(
              subsidy.fundingId(),
              subsidy.instrument(),
              subsidy.funder(),
              subsidy.amount(),
              end.get(),
              shareOfFunding,
              "subsidy %s (%s, %s) ends on %s, within 12 months, and carries %s%% of the funding in force; no renewal or replacement is recorded"
                  .formatted(
                      subsidy.fundingId(),
                      subsidy.instrument() == null ? "no instrument" : subsidy.instrument(),
                      subsidy.amount(),
                      end.get(),
                      shareOfFunding.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN)),
              subsidy.factIds()));
    }
    return cliffs;
  }

  /** The yearly amount of a funding over its days (open-ended: until {@code asOf}). */
  static BigDecimal rate(PartnershipAsOf.Funding funding, LocalDate asOf) {
    LocalDate from = funding.period().from().earliest();
    LocalDate last = funding.lastDay().orElse(asOf);
    return ProRata.yearlyRate(funding.netAmount(), from, last.isBefore(from) ? from : last);
  }
}
