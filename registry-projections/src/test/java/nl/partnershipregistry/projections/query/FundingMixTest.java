package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.query.funding.FindFundingMix;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A subsidy of EUR 300,000 from 1 July 2020 to 30 June 2022 (730 days), member fees of EUR 10,000
 * in 2021 and contract revenue of EUR 40,000 in 2022. By hand: the subsidy counts 184/730 in 2020
 * (75,616.44), 365/730 in 2021 (150,000.00) and 181/730 in 2022 (74,383.56).
 */
class FundingMixTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story hub = new Story("hub");

  FundingMixTest() {
    hub.registered("2020", "Technohub", PartnershipKind.TECHNOHUB);
    hub.funding("2020-06", "rif", FundingType.SUBSIDY, 300_000, "2020-07-01", "2022-06-30");
    hub.funding("2021", "fees", FundingType.MEMBER_FEES, 10_000, "2021", "2021");
    hub.funding("2022", "contracts", FundingType.CONTRACT_REVENUE, 40_000, "2022", "2022");
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private FundingMix mixOn(String asOf) {
    return mixOf(hub, asOf);
  }

  private FundingMix mixOf(Story story, String asOf) {
    readModels.feed(story.events().toArray());
    return readModels
        .partnerships()
        .handle(new FindFundingMix(story.id(), LocalDate.parse(asOf), null))
        .orElseThrow();
  }

  /** A learning lab registered in 2015 whose only funding is a subsidy of no known amount. */
  private static Story labWithSubsidyUntil(String until) {
    Story lab = new Story("lab");
    lab.registered("2015", "Learning lab", PartnershipKind.OTHER);
    lab.fundingWithoutAmount("2015", "province", FundingType.SUBSIDY, "2015", until);
    return lab;
  }

  @Test
  void each_funding_counts_pro_rata_over_the_days_of_its_period() {
    FundingMix mix = mixOn("2022-12-31");

    assertThat(mix.years()).extracting(FundingMix.Year::year).containsExactly(2020, 2021, 2022);
    assertThat(mix.years().get(0).amountByType().get(FundingType.SUBSIDY))
        .isEqualByComparingTo("75616.44");
    assertThat(mix.years().get(1).total()).isEqualByComparingTo("160000.00");
    assertThat(mix.years().get(2).amountByType().get(FundingType.SUBSIDY))
        .isEqualByComparingTo("74383.56");
    assertThat(mix.years().get(2).total()).isEqualByComparingTo("114383.56");
  }

  @Test
  void shares_show_how_far_it_lives_on_subsidy_and_how_own_revenue_grows() {
    FundingMix mix = mixOn("2022-12-31");

    assertThat(mix.years().get(0).subsidyShare()).isEqualByComparingTo("1");
    assertThat(mix.years().get(1).subsidyShare()).isEqualByComparingTo("0.9375");
    assertThat(mix.years().get(1).ownRevenueShare()).isEqualByComparingTo("0.0625");
    assertThat(mix.years().get(2).subsidyShare()).isEqualByComparingTo("0.6503");
    assertThat(mix.years().get(2).ownRevenueShare()).isEqualByComparingTo("0.3497");
    assertThat(mix.ownRevenueTrend()).isEqualTo(FundingMix.Trend.RISING);
  }

  @Test
  void a_large_subsidy_ending_within_a_year_without_replacement_is_a_cliff() {
    FundingMix mix = mixOn("2021-09-01");

    assertThat(mix.subsidyCliffs())
        .singleElement()
        .satisfies(
            cliff -> {
              assertThat(cliff.fundingId().value()).isEqualTo("rif");
              assertThat(cliff.endsOn()).isEqualTo(LocalDate.parse("2022-06-30"));
              assertThat(cliff.shareOfFundingInForce())
                  .isEqualByComparingTo(new BigDecimal("0.9375"));
              assertThat(cliff.warning()).contains("ends on 2022-06-30");
            });
  }

  @Test
  void a_renewed_subsidy_is_no_cliff() {
    hub.fundingRenewed("2021-08", "rif", "rif-2", 300_000, "2022-07-01", "2024-06-30");

    assertThat(mixOn("2021-09-01").subsidyCliffs()).isEmpty();
  }

  @Test
  void a_subsidy_ending_more_than_a_year_ahead_is_no_cliff_yet() {
    assertThat(mixOn("2021-05-01").subsidyCliffs()).isEmpty();
  }

  @Test
  void funding_without_amount_is_listed_in_its_years_and_counts_in_no_share() {
    hub.fundingWithoutAmount("2021", "efro", FundingType.SUBSIDY, "2021", "2022");

    FundingMix mix = mixOn("2022-12-31");

    FundingMix.Year year2021 = mix.years().get(1);
    assertThat(year2021.total()).isEqualByComparingTo("160000.00");
    assertThat(year2021.subsidyShare()).isEqualByComparingTo("0.9375");
    assertThat(year2021.complete()).isFalse();
    assertThat(year2021.withoutAmount())
        .extracting(w -> w.fundingId().value(), FundingMix.WithoutAmount::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("efro", FundingType.SUBSIDY));
    assertThat(year2021.subsidyShareAtLeast()).isEqualByComparingTo("0.9375");
    assertThat(year2021.subsidyShareAtMost()).isEqualByComparingTo("1");
    assertThat(mix.years().get(0).complete()).isTrue();
    assertThat(mix.years().get(0).subsidyShareAtMost()).isEqualByComparingTo("1");
    assertThat(mix.ownRevenueTrend()).isEqualTo(FundingMix.Trend.UNKNOWN);
  }

  @Test
  void a_year_whose_only_funding_has_no_amount_has_no_shares() {
    FundingMix mix = mixOf(labWithSubsidyUntil(null), "2016-06-30");

    assertThat(mix.years()).extracting(FundingMix.Year::year).containsExactly(2015, 2016);
    FundingMix.Year year = mix.years().get(1);
    assertThat(year.total()).isEqualByComparingTo("0");
    assertThat(year.subsidyShare()).isNull();
    assertThat(year.shareByType()).isEmpty();
    assertThat(year.subsidyShareAtLeast()).isEqualByComparingTo("1");
    assertThat(year.subsidyShareAtMost()).isEqualByComparingTo("1");
  }

  @Test
  void a_subsidy_without_amount_ending_with_nothing_after_it_is_a_cliff_of_unknown_size() {
    FundingMix mix = mixOf(labWithSubsidyUntil("2016-12-31"), "2016-06-30");

    assertThat(mix.subsidyCliffs())
        .singleElement()
        .satisfies(
            cliff -> {
              assertThat(cliff.amount()).isNull();
              assertThat(cliff.shareOfFundingInForce()).isNull();
              assertThat(cliff.warning()).contains("amount unknown").contains("unknown share");
            });
  }

  @Test
  void a_subsidy_without_amount_followed_by_other_funding_is_no_cliff() {
    Story lab = labWithSubsidyUntil("2016-12-31");
    lab.fundingWithoutAmount("2016", "fees", FundingType.MEMBER_FEES, "2016", null);

    FundingMix mix = mixOf(lab, "2016-06-30");

    assertThat(mix.subsidyCliffs()).isEmpty();
    assertThat(mix.years().get(1).subsidyShareAtLeast()).isEqualByComparingTo("0");
    assertThat(mix.years().get(1).subsidyShareAtMost()).isEqualByComparingTo("1");
  }
}
