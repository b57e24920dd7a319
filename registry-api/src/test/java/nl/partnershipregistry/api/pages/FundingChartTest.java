package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import org.junit.jupiter.api.Test;

/**
 * The funding chart places the answer's amounts and draws none it does not have; amounts, numbers
 * and shares are written as each language writes them.
 */
class FundingChartTest {

  @Test
  void bars_stack_the_known_amounts_in_proportion_and_mark_funding_without_an_amount() {
    FundingMix.WithoutAmount unknown =
        new FundingMix.WithoutAmount(
            new FundingId("efro"), FundingType.SUBSIDY, SubsidyInstrument.EFRO, "EFRO");
    FundingMix mix =
        new FundingMix(
            new PartnershipId("lab"),
            LocalDate.of(2017, 6, 1),
            null,
            List.of(
                year(2016, Map.of(), List.of(unknown)),
                year(
                    2017,
                    Map.of(
                        FundingType.SUBSIDY,
                        new BigDecimal("120000"),
                        FundingType.MEMBER_FEES,
                        new BigDecimal("30000")),
                    List.of())),
            FundingMix.Trend.UNKNOWN,
            List.of(
                new FundingMix.SubsidyCliff(
                    new FundingId("province"),
                    SubsidyInstrument.REGIONAL_GOVERNMENT,
                    "Province",
                    Money.euros(120000),
                    LocalDate.of(2017, 12, 31),
                    new BigDecimal("0.8"),
                    "ends",
                    null,
                    List.of())));

    FundingChart chart = FundingChart.of(mix);

    assertThat(chart.types()).containsExactly(FundingType.SUBSIDY, FundingType.MEMBER_FEES);
    assertThat(chart.ticks())
        .extracting(FundingChart.Tick::amount)
        .map(BigDecimal::stripTrailingZeros)
        .containsExactly(
            BigDecimal.ZERO,
            new BigDecimal("5E+4"),
            new BigDecimal("1E+5"),
            new BigDecimal("1.5E+5"),
            new BigDecimal("2E+5"));
    FundingChart.Bar first = chart.bars().get(0);
    assertThat(first.segments()).as("no height for an amount no source gives").isEmpty();
    assertThat(chart.withoutAmount(first.year(), FundingType.SUBSIDY)).isTrue();
    FundingChart.Bar second = chart.bars().get(1);
    int plot = chart.plotBottom() - chart.plotTop();
    assertThat(second.segments())
        .extracting(FundingChart.Segment::type, FundingChart.Segment::segmentHeight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FundingType.SUBSIDY, plot * 12 / 20),
            org.assertj.core.groups.Tuple.tuple(FundingType.MEMBER_FEES, plot * 3 / 20));
    assertThat(chart.cliffs()).hasSize(1);
    assertThat(chart.cliffs().get(0).x()).isGreaterThan(second.x() + second.barWidth());
    assertThat(chart.pattern(FundingType.MEMBER_FEES)).isEqualTo("funding-member-fees");
  }

  @Test
  void a_round_top_for_the_axis() {
    assertThat(FundingChart.roundUp(new BigDecimal("150000.50"))).isEqualByComparingTo("200000");
    assertThat(FundingChart.roundUp(new BigDecimal("2400"))).isEqualByComparingTo("2500");
    assertThat(FundingChart.roundUp(new BigDecimal("5001"))).isEqualByComparingTo("10000");
    assertThat(FundingChart.roundUp(BigDecimal.ZERO)).isEqualByComparingTo("0");
  }

  @Test
  void amounts_numbers_and_shares_as_each_language_writes_them() {
    Formats english = new Formats(Locale.ENGLISH);
    Formats dutch = new Formats(Locale.forLanguageTag("nl"));
    BigDecimal amount = new BigDecimal("1234.56");

    assertThat(english.money(amount)).isEqualTo("€1,234.56");
    assertThat(dutch.money(amount)).isEqualTo("€ 1.234,56");
    assertThat(english.money((BigDecimal) null)).isEmpty();
    assertThat(english.number(new BigDecimal("1200.5"))).isEqualTo("1,200.5");
    assertThat(dutch.number(new BigDecimal("1200.5"))).isEqualTo("1.200,5");
    assertThat(english.share(new BigDecimal("0.7333"))).isEqualTo("73.3%");
    assertThat(dutch.share(new BigDecimal("0.7333"))).isEqualTo("73,3%");
    assertThat(dutch.share(BigDecimal.ONE)).isEqualTo("100%");
  }

  private static FundingMix.Year year(
      int year, Map<FundingType, BigDecimal> amounts, List<FundingMix.WithoutAmount> unknown) {
    Map<FundingType, BigDecimal> byType = new EnumMap<>(FundingType.class);
    byType.putAll(amounts);
    BigDecimal total = byType.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return new FundingMix.Year(
        year,
        total,
        byType,
        Map.of(),
        null,
        null,
        null,
        null,
        unknown,
        null,
        null,
        List.<FactId>of());
  }
}
