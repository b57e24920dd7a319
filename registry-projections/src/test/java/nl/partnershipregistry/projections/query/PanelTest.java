package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.school;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.panel.FindPanel;
import nl.partnershipregistry.projections.query.panel.Panel;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dual trajectory started in March 2001 with a school and an employer, in a pilot from September
 * 2003, on a subsidy from 2001 to 2004 and, from 2004, on contract revenue of no known amount,
 * discontinued in August 2008; and a technohub the sources show only as existing by 2005.
 */
class PanelTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();

  PanelTest() {
    readModels.feed(
        employer("hitecs", "HiTecs"),
        employer("stork", "Stork"),
        school("hva", "Hogeschool van Amsterdam", SchoolLevel.HBO));
    Story dual = new Story("dual");
    dual.registered("2001-03-01", "Dual", PartnershipKind.DUAL_TRAJECTORY);
    dual.joined("2001-03-01", "hva", PartnerRole.LEAD);
    dual.joined("2001-03-01", "hitecs", PartnerRole.CORE);
    dual.phase("2003-09-01", Phase.PILOT);
    dual.funding("2001-03-01", "dual-rif", FundingType.SUBSIDY, 100_000, "2001", "2004");
    dual.fundingWithoutAmount(
        "2004-01-01", "dual-contracts", FundingType.CONTRACT_REVENUE, "2004-01-01", null);
    dual.commitment(
        "2002-01-01",
        "dual-places",
        "hitecs",
        CommitmentType.PLACEMENTS,
        20,
        Unit.PLACES,
        "2002",
        "2003");
    dual.fulfilled("2003-12-31", "dual-places");
    dual.cohort("2002-09-01", "dual-2002", 15);
    dual.graduated("2006-07-01", "dual-2002", 12);
    dual.discontinued("2008-08-01", DiscontinuationReason.LEAD_PARTNER_WITHDREW);
    Story hub = new Story("hub");
    hub.registeredExistingBy("2005-06", "Hub", PartnershipKind.TECHNOHUB);
    readModels.feed(dual.events().toArray());
    readModels.feed(hub.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private Panel panel(Integer from, Integer to) {
    return readModels.registry().handle(new FindPanel(from, to, null));
  }

  private Panel.Row row(Panel panel, String id, int year) {
    return panel.rows().stream()
        .filter(r -> r.get("partnership_id").equals(id) && r.get("year").equals(year))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_row_for_every_year_the_partnership_existed_on_1_july() {
    Panel panel = panel(2000, 2010);

    assertThat(panel.rows())
        .extracting(r -> r.get("partnership_id") + " " + r.get("year"))
        .containsExactly(
            "dual 2001",
            "dual 2002",
            "dual 2003",
            "dual 2004",
            "dual 2005",
            "dual 2006",
            "dual 2007",
            "dual 2008",
            "dual 2009",
            "dual 2010",
            "hub 2005",
            "hub 2006",
            "hub 2007",
            "hub 2008",
            "hub 2009",
            "hub 2010");
    assertThat(panel.rows()).allSatisfy(r -> assertThat(r.cells()).containsOnlyKeys(Panel.COLUMNS));
    assertThat(row(panel, "dual", 2004).get("as_of")).isEqualTo(LocalDate.of(2004, 7, 1));
  }

  @Test
  void the_phase_on_1_july_as_the_state_answers_it() {
    Panel panel = panel(2001, 2009);

    // No source names its phase before the pilot: an empty cell, not a guess.
    assertThat(row(panel, "dual", 2003).get("phase")).isNull();
    assertThat(row(panel, "dual", 2004).get("phase")).isEqualTo("PILOT");
    assertThat(row(panel, "dual", 2008).get("phase")).isEqualTo("PILOT");
    assertThat(row(panel, "dual", 2009).get("phase")).isEqualTo("DISCONTINUED");
    PartnershipState state =
        readModels
            .partnerships()
            .handle(
                new FindPartnershipState(PartnershipId.of("dual"), LocalDate.of(2004, 7, 1), null))
            .orElseThrow();
    assertThat(row(panel, "dual", 2004).get("phase")).isEqualTo(state.phase().name());
    assertThat(row(panel, "dual", 2004).get("kind")).isEqualTo("DUAL_TRAJECTORY");
  }

  @Test
  void each_verdict_as_the_durability_answer_gives_it_on_1_july() {
    Panel panel = panel(2001, 2009);

    DurabilityIndicators durability =
        readModels
            .partnerships()
            .handle(
                new FindDurabilityIndicators(
                    PartnershipId.of("dual"), LocalDate.of(2009, 7, 1), null))
            .orElseThrow();
    for (DurabilityIndicators.Indicator indicator : durability.indicators()) {
      assertThat(
              row(panel, "dual", 2009).get("verdict_" + indicator.condition().name().toLowerCase()))
          .isEqualTo(indicator.verdict().name());
    }
    assertThat(row(panel, "dual", 2009).get("verdict_ending")).isEqualTo("AT_RISK");
    assertThat(row(panel, "dual", 2002).get("verdict_critical_mass")).isEqualTo("HOLDS");
  }

  @Test
  void funding_by_type_and_the_subsidy_share_of_the_year() {
    Panel panel = panel(2001, 2009);

    Panel.Row year2002 = row(panel, "dual", 2002);
    assertThat((BigDecimal) year2002.get("funding_subsidy")).isPositive();
    assertThat(year2002.get("funding_contract_revenue")).isNull();
    assertThat(year2002.get("subsidy_share")).isEqualTo(new BigDecimal("1.0000"));
    // 2004: the subsidy's last year beside contract revenue of no known amount.
    Panel.Row year2004 = row(panel, "dual", 2004);
    assertThat((BigDecimal) year2004.get("funding_subsidy")).isPositive();
    assertThat(year2004.get("funding_contract_revenue")).isNull();
    assertThat(year2004.get("subsidy_share")).isNull();
    assertThat(year2004.get("subsidy_share_at_least")).isEqualTo(BigDecimal.ZERO);
    assertThat(year2004.get("subsidy_share_at_most")).isEqualTo(new BigDecimal("1.0000"));
  }

  @Test
  void unknown_is_left_empty_never_zero() {
    Panel panel = panel(2001, 2009);

    Panel.Row hub = row(panel, "hub", 2006);
    assertThat(hub.get("phase")).isNull();
    for (String column :
        List.of(
            "active_partners",
            "active_employers",
            "largest_employer_group_share_partners",
            "key_persons_active",
            "subsidy_share",
            "funding_subsidy",
            "commitments",
            "commitments_promised_places",
            "cohort_enrolled",
            "completion_rate")) {
      assertThat(hub.get(column)).as(column).isNull();
    }
    Panel.Row dual2003 = row(panel, "dual", 2003);
    assertThat(dual2003.get("cohort_enrolled")).isEqualTo(15);
    assertThat(dual2003.get("cohort_graduated")).isNull();
    assertThat(dual2003.get("completion_rate")).isNull();
    assertThat(dual2003.get("commitments_delivered_places")).isNull();
    Panel.Row dual2007 = row(panel, "dual", 2007);
    assertThat(dual2007.get("cohort_graduated")).isEqualTo(12);
    assertThat(dual2007.get("cohort_dropped_out")).isEqualTo(0);
    assertThat(dual2007.get("completion_rate")).isEqualTo(new BigDecimal("0.8000"));
    assertThat(dual2007.get("commitments_promised_places")).isEqualTo(new BigDecimal("20"));
    assertThat(dual2007.get("commitments_delivered_places")).isEqualTo(new BigDecimal("20"));
    assertThat(dual2007.get("commitments_exactness_places")).isEqualTo("EXACT");
    assertThat(dual2007.get("commitments_exactness_eur")).isNull();
    assertThat(dual2007.get("active_schools")).isEqualTo(1L);
    assertThat(dual2007.get("largest_employer_group_share_partners"))
        .isEqualTo(new BigDecimal("1.0000"));
  }

  @Test
  void from_defaults_to_the_earliest_start_and_a_bad_span_is_refused_naming_the_field() {
    assertThat(panel(null, 2003).from()).isEqualTo(2001);
    assertThatThrownBy(() -> panel(2005, 2004))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).field())
        .isEqualTo("to");
    assertThatThrownBy(() -> panel(1900, 2000))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).field())
        .isEqualTo("to");
    assertThatThrownBy(() -> panel(2030, null))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).field())
        .isEqualTo("from");
  }
}
