package nl.partnershipregistry.projections.query.funding;

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
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.ProRata;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.common.Findings;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds a {@link FundingMix}. */
public final class FundingAnswers {

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

  public static FundingMix mix(PartnershipId id, TimeSlice slice, PartnershipAsOf partnership) {
    LocalDate asOf = slice.asOf();
    Map<Integer, Map<FundingType, BigDecimal>> byYear = new TreeMap<>();
    Map<Integer, List<FundingMix.WithoutAmount>> withoutAmount = new TreeMap<>();
    Map<Integer, List<FactId>> factsByYear = new LinkedHashMap<>();
    for (PartnershipAsOf.Funding funding : partnership.fundings()) {
      Optional<LocalDate> last = lastDay(funding, asOf);
      if (last.isEmpty()) {
        continue;
      }
      LocalDate first = funding.period().from().countsFrom();
      Optional<BigDecimal> net = funding.netAmount();
      if (net.isPresent()) {
        ProRata.perYear(net.get(), first, last.get())
            .forEach(
                (year, amount) ->
                    byYear
                        .computeIfAbsent(year, y -> new EnumMap<>(FundingType.class))
                        .merge(funding.type(), amount, BigDecimal::add));
      }
      FundingMix.WithoutAmount unknown =
          net.isPresent()
              ? null
              : new FundingMix.WithoutAmount(
                  funding.fundingId(), funding.type(), funding.instrument(), funding.funder());
      for (int year = first.getYear(); year <= last.get().getYear(); year++) {
        factsByYear.computeIfAbsent(year, y -> new ArrayList<>()).addAll(funding.factIds());
        if (unknown != null) {
          byYear.computeIfAbsent(year, y -> new EnumMap<>(FundingType.class));
          withoutAmount.computeIfAbsent(year, y -> new ArrayList<>()).add(unknown);
        }
      }
    }
    List<FundingMix.Year> years = new ArrayList<>();
    byYear.forEach(
        (year, amounts) ->
            years.add(
                year(
                    year,
                    amounts,
                    withoutAmount.getOrDefault(year, List.of()),
                    factsByYear.get(year))));
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
    return last.isBefore(funding.period().from().countsFrom())
        ? Optional.empty()
        : Optional.of(last);
  }

  private static FundingMix.Year year(
      int year,
      Map<FundingType, BigDecimal> amounts,
      List<FundingMix.WithoutAmount> withoutAmount,
      List<FactId> factIds) {
    BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean noShares = total.signum() == 0 && !withoutAmount.isEmpty();
    Map<FundingType, BigDecimal> shares = new EnumMap<>(FundingType.class);
    if (!noShares) {
      amounts.forEach((type, amount) -> shares.put(type, share(amount, total)));
    }
    BigDecimal own =
        amounts.entrySet().stream()
            .filter(e -> OWN_REVENUE.contains(e.getKey()))
            .map(Map.Entry::getValue)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal subsidy = amounts.getOrDefault(FundingType.SUBSIDY, BigDecimal.ZERO);
    boolean subsidyUnknown = withoutAmount.stream().anyMatch(f -> f.type() == FundingType.SUBSIDY);
    boolean otherUnknown = withoutAmount.stream().anyMatch(f -> f.type() != FundingType.SUBSIDY);
    BigDecimal known = share(subsidy, total);
    BigDecimal atLeast;
    BigDecimal atMost;
    if (total.signum() == 0) {
      atLeast = subsidyUnknown && !otherUnknown ? BigDecimal.ONE : BigDecimal.ZERO;
      atMost = subsidyUnknown ? BigDecimal.ONE : BigDecimal.ZERO;
    } else {
      atLeast = otherUnknown ? BigDecimal.ZERO : known;
      atMost = subsidyUnknown ? BigDecimal.ONE : known;
    }
    return new FundingMix.Year(
        year,
        total,
        amounts,
        shares,
        noShares ? null : known,
        noShares ? null : share(own, total),
        noShares
            ? null
            : share(amounts.getOrDefault(FundingType.CO_FINANCING, BigDecimal.ZERO), total),
        noShares ? null : share(amounts.getOrDefault(FundingType.IN_KIND, BigDecimal.ZERO), total),
        List.copyOf(withoutAmount),
        atLeast,
        atMost,
        List.copyOf(new LinkedHashSet<>(factIds)));
  }

  public static BigDecimal share(BigDecimal part, BigDecimal total) {
    return total.signum() == 0 ? BigDecimal.ZERO : part.divide(total, 4, RoundingMode.HALF_EVEN);
  }

  private static FundingMix.Trend trend(List<FundingMix.Year> years, int year) {
    Optional<FundingMix.Year> now = years.stream().filter(y -> y.year() == year).findFirst();
    Optional<FundingMix.Year> before = years.stream().filter(y -> y.year() == year - 2).findFirst();
    if (now.isEmpty() || before.isEmpty() || !now.get().complete() || !before.get().complete()) {
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

  public static List<FundingMix.SubsidyCliff> cliffs(PartnershipAsOf partnership, LocalDate asOf) {
    List<PartnershipAsOf.Funding> inForce =
        partnership.fundings().stream().filter(f -> f.isInForce(asOf)).toList();
    BigDecimal totalRate =
        inForce.stream()
            .filter(PartnershipAsOf.Funding::hasAmount)
            .map(f -> rate(f, asOf))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    List<FundingMix.SubsidyCliff> cliffs = new ArrayList<>();
    for (PartnershipAsOf.Funding subsidy : inForce) {
      if (subsidy.type() != FundingType.SUBSIDY || subsidy.renewedAs() != null) {
        continue;
      }
      Optional<LocalDate> end = subsidy.lastDay();
      if (end.isEmpty() || end.get().isAfter(asOf.plusMonths(12))) {
        continue;
      }
      LocalDate dayAfter = end.get().plusDays(1);
      List<PartnershipAsOf.Funding> after =
          partnership.fundings().stream()
              .filter(f -> !f.fundingId().equals(subsidy.fundingId()))
              .filter(f -> f.isInForce(dayAfter))
              .toList();
      if (!subsidy.hasAmount()) {
        if (after.isEmpty()) {
          cliffs.add(
              cliff(subsidy, end.get(), null, Finding.of("finding.SUBSIDY_CLIFF.unknownShare")));
        }
        continue;
      }
      BigDecimal rate = rate(subsidy, asOf);
      BigDecimal shareOfFunding = share(rate, totalRate);
      if (shareOfFunding.compareTo(QUARTER) < 0) {
        continue;
      }
      boolean replaced =
          after.stream()
              .filter(PartnershipAsOf.Funding::hasAmount)
              .anyMatch(f -> rate(f, asOf).compareTo(rate.multiply(HALF)) >= 0);
      if (replaced) {
        continue;
      }
      cliffs.add(
          cliff(
              subsidy,
              end.get(),
              shareOfFunding,
              Finding.of(
                  inForce.stream().allMatch(PartnershipAsOf.Funding::hasAmount)
                      ? "finding.SUBSIDY_CLIFF.share"
                      : "finding.SUBSIDY_CLIFF.shareOfKnown",
                  new Finding.Percent(shareOfFunding))));
    }
    return cliffs;
  }

  private static FundingMix.SubsidyCliff cliff(
      PartnershipAsOf.Funding subsidy, LocalDate end, BigDecimal share, Finding carries) {
    Finding warning =
        Finding.of(
            "finding.SUBSIDY_CLIFF.cliff",
            subsidy.fundingId().value(),
            subsidy.instrument() == null
                ? Finding.of("finding.SUBSIDY_CLIFF.noInstrument")
                : subsidy.instrument(),
            subsidy.amount() == null
                ? Finding.of("finding.SUBSIDY_CLIFF.amountUnknown")
                : new Finding.Euros(subsidy.amount().euros()),
            end,
            carries);
    return new FundingMix.SubsidyCliff(
        subsidy.fundingId(),
        subsidy.instrument(),
        subsidy.funder(),
        subsidy.amount(),
        end,
        share,
        Findings.english(warning),
        warning,
        subsidy.factIds());
  }

  /**
   * The yearly amount of a funding with a known amount over its days (open-ended: until {@code
   * asOf}).
   */
  static BigDecimal rate(PartnershipAsOf.Funding funding, LocalDate asOf) {
    LocalDate from = funding.period().from().countsFrom();
    LocalDate last = funding.lastDay().orElse(asOf);
    return ProRata.yearlyRate(
        funding.netAmount().orElseThrow(), from, last.isBefore(from) ? from : last);
  }
}
