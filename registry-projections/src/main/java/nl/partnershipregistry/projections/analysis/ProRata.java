package nl.partnershipregistry.projections.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spreads an amount over the days of a period and adds them up per calendar year: a subsidy of EUR
 * 300,000 from 1 July 2020 to 30 June 2022 (730 days) counts 184/730 in 2020, 365/730 in 2021 and
 * 181/730 in 2022. Amounts are rounded to cents; the last year takes the rounding remainder, so the
 * years add up to the amount exactly.
 */
public final class ProRata {

  private ProRata() {}

  /** Per year, from {@code first} to {@code last}, both inclusive. */
  public static Map<Integer, BigDecimal> perYear(
      BigDecimal amount, LocalDate first, LocalDate last) {
    Map<Integer, BigDecimal> years = new TreeMap<>();
    if (last.isBefore(first)) {
      return years;
    }
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    BigDecimal spread = BigDecimal.ZERO;
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      LocalDate from = year == first.getYear() ? first : LocalDate.of(year, 1, 1);
      LocalDate to = year == last.getYear() ? last : LocalDate.of(year, 12, 31);
      BigDecimal share;
      if (year == last.getYear()) {
        share = amount.setScale(2, RoundingMode.HALF_EVEN).subtract(spread);
      } else {
        long inYear = ChronoUnit.DAYS.between(from, to) + 1;
        share =
            amount
                .multiply(BigDecimal.valueOf(inYear))
                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
        spread = spread.add(share);
      }
      years.put(year, share);
    }
    return years;
  }

  /** The amount per 365 days over a period, both ends inclusive. */
  public static BigDecimal yearlyRate(BigDecimal amount, LocalDate first, LocalDate last) {
    long days = Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
    return amount
        .multiply(BigDecimal.valueOf(365))
        .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
  }
}
