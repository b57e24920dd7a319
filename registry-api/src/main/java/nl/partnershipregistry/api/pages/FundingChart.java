package nl.partnershipregistry.api.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.projections.query.funding.FundingMix;

/**
 * Where the funding answer's figures go in the page's stacked bar chart: one bar per year, one
 * segment per funding type with a known amount (heights in proportion to the largest year's known
 * total, rounded up to a round amount for the axis), a mark over a year holding funding without an
 * amount (never a height: its amount is unknown), and a mark at the year a subsidy cliff comes.
 * Only layout: every figure is the answer's.
 */
public record FundingChart(
    int width,
    int height,
    int plotLeft,
    int plotTop,
    int plotBottom,
    int plotRight,
    boolean shares,
    List<FundingType> types,
    List<Tick> ticks,
    List<Bar> bars,
    List<CliffMark> cliffs) {

  static final int WIDTH = 760;
  static final int HEIGHT = 320;
  static final int LEFT = 120;
  static final int TOP = 40;
  static final int BOTTOM = 270;
  static final int RIGHT = 744;

  /** A line across the plot at an amount. */
  public record Tick(int y, BigDecimal amount) {}

  /** One year's bar; {@code top} is where its known total ends. */
  public record Bar(
      FundingMix.Year year,
      int x,
      int barWidth,
      int centre,
      int top,
      boolean labelled,
      List<Segment> segments) {}

  /** One funding type's known amount in a year. */
  public record Segment(FundingType type, int y, int segmentHeight, BigDecimal amount) {}

  /** A subsidy cliff at the year it ends in. */
  public record CliffMark(int x, FundingMix.SubsidyCliff cliff) {}

  static FundingChart of(FundingMix mix) {
    List<FundingMix.Year> years = mix.years();
    Set<FundingType> present = EnumSet.noneOf(FundingType.class);
    BigDecimal max = BigDecimal.ZERO;
    for (FundingMix.Year year : years) {
      year.amountByType().forEach((type, amount) -> present.add(type));
      year.withoutAmount().forEach(f -> present.add(f.type()));
      max = max.max(year.total());
    }
    max = roundUp(max);
    int plotHeight = BOTTOM - TOP;
    int slot = years.isEmpty() ? 0 : (RIGHT - LEFT) / years.size();
    int barWidth = Math.max(4, Math.min(56, slot * 6 / 10));
    int every = Math.max(1, (years.size() + 13) / 14);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      FundingMix.Year year = years.get(i);
      int x = LEFT + i * slot + (slot - barWidth) / 2;
      int y = BOTTOM;
      List<Segment> segments = new ArrayList<>();
      for (FundingType type : FundingType.values()) {
        BigDecimal amount = year.amountByType().get(type);
        if (amount == null || amount.signum() == 0 || max.signum() == 0) {
          continue;
        }
        int h = Math.max(1, scale(amount, max, plotHeight));
        y -= h;
        segments.add(new Segment(type, y, h, amount));
      }
      bars.add(
          new Bar(year, x, barWidth, x + barWidth / 2, y, i % every == 0, List.copyOf(segments)));
    }
    List<Tick> ticks = new ArrayList<>();
    if (max.signum() > 0) {
      for (int i = 0; i <= 4; i++) {
        BigDecimal amount = max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4));
        ticks.add(new Tick(BOTTOM - scale(amount, max, plotHeight), amount));
      }
    }
    List<CliffMark> cliffs = new ArrayList<>();
    for (FundingMix.SubsidyCliff cliff : mix.subsidyCliffs()) {
      int year = cliff.endsOn().getYear();
      bars.stream()
          .filter(b -> b.year().year() == year)
          .findFirst()
          .ifPresent(b -> cliffs.add(new CliffMark(b.x() + b.barWidth() + 3, cliff)));
    }
    return new FundingChart(
        WIDTH,
        HEIGHT,
        LEFT,
        TOP,
        BOTTOM,
        RIGHT,
        slot >= 44,
        List.copyOf(present),
        ticks,
        bars,
        cliffs);
  }

  /** The least of 1, 2, 2.5 or 5 times a power of ten that is not below the amount. */
  static BigDecimal roundUp(BigDecimal amount) {
    if (amount.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(amount.precision() - amount.scale() - 1);
    for (String step : new String[] {"1", "2", "2.5", "5"}) {
      BigDecimal candidate = power.multiply(new BigDecimal(step));
      if (candidate.compareTo(amount) >= 0) {
        return candidate;
      }
    }
    return power.multiply(BigDecimal.TEN);
  }

  private static int scale(BigDecimal amount, BigDecimal max, int height) {
    return amount
        .multiply(BigDecimal.valueOf(height))
        .divide(max, 0, RoundingMode.HALF_EVEN)
        .intValue();
  }

  /** The SVG pattern that tells a type apart without its colour. */
  public String pattern(FundingType type) {
    return "funding-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the year holds funding of the type whose amount no source gives. */
  public boolean withoutAmount(FundingMix.Year year, FundingType type) {
    return year.withoutAmount().stream().anyMatch(f -> f.type() == type);
  }
}
