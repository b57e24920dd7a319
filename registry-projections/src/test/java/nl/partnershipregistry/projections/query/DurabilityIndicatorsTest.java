package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;
import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.inGroup;
import static nl.partnershipregistry.projections.testing.Story.school;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A technohub that meets every condition in mid-2016 (two schools, two employers, four key people
 * with backing and mandate on both sides, its subsidy ended in 2012 and it ran on, contract revenue
 * since, promises kept, a foundation, a formal programme), and one change per test that puts one
 * condition at risk.
 */
class DurabilityIndicatorsTest {

  private static final String MID_2016 = "2016-06-01";

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story hub = new Story("hub");
  private final CommitmentRecorded portHours;

  DurabilityIndicatorsTest() {
    readModels.feed(
        school("hr", "Hogeschool Rotterdam", SchoolLevel.HBO),
        school("albeda", "Albeda", SchoolLevel.MBO),
        employer("port", "Port of Rotterdam"),
        employer("huisman", "Huisman"));
    hub.registered("2009", "RDM Technohub", PartnershipKind.TECHNOHUB);
    hub.joined("2009", "hr", PartnerRole.LEAD);
    hub.joined("2009", "albeda", PartnerRole.CORE);
    hub.joined("2009", "port", PartnerRole.CORE);
    hub.joined("2009", "huisman", PartnerRole.CORE);
    hub.keyPerson("2009", "hr-director", KeyPersonRole.EXECUTIVE_SPONSOR, "hr", false);
    hub.keyPerson("2009", "hr-manager", KeyPersonRole.PROGRAMME_MANAGER, "hr", true);
    hub.keyPerson("2009", "port-ceo", KeyPersonRole.EXECUTIVE_SPONSOR, "port", false);
    hub.keyPerson("2009", "port-manager", KeyPersonRole.PROGRAMME_MANAGER, "port", true);
    hub.funding("2009", "efro", FundingType.SUBSIDY, 1_000_000, "2009", "2012");
    hub.activity("2010", "minor", LedFrom.INSIDE_EDUCATION, LearningForm.FORMAL, false);
    portHours =
        hub.commitment(
            "2010",
            "port-hours",
            "port",
            CommitmentType.STAFF_HOURS,
            500,
            Unit.HOURS,
            "2010",
            "2012");
    hub.commitment(
        "2010",
        "huisman-places",
        "huisman",
        CommitmentType.PLACEMENTS,
        10,
        Unit.PLACES,
        "2010",
        "2012");
    hub.phase("2011", Phase.STRUCTURAL);
    hub.fulfilled("2012-12", "port-hours");
    hub.fulfilled("2012-12", "huisman-places");
    hub.governance("2012", GovernanceForm.FOUNDATION, "Stichting RDM");
    hub.funding("2013", "contracts", FundingType.CONTRACT_REVENUE, 800_000, "2013", "2020");
    hub.commitment(
        "2015", "port-mentors", "port", CommitmentType.MENTORS, 5, Unit.PERSONS, "2015", "2018");
    hub.commitment(
        "2015",
        "huisman-more",
        "huisman",
        CommitmentType.PLACEMENTS,
        10,
        Unit.PLACES,
        "2015",
        "2018");
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private DurabilityIndicators on(String asOf) {
    readModels.feed(hub.events().toArray());
    return readModels
        .partnerships()
        .handle(new FindDurabilityIndicators(hub.id(), LocalDate.parse(asOf), null))
        .orElseThrow();
  }

  private Indicator indicator(String asOf, Condition condition) {
    return on(asOf).indicators().stream()
        .filter(i -> i.condition() == condition)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_partnership_meeting_every_condition_holds_on_all_eleven() {
    DurabilityIndicators indicators = on(MID_2016);

    assertThat(indicators.indicators())
        .extracting(Indicator::condition)
        .containsExactly(Condition.values());
    assertThat(indicators.indicators())
        .allSatisfy(
            i -> assertThat(i.verdict()).as(i.condition() + ": " + i.value()).isEqualTo(HOLDS));
    assertThat(indicators.summary())
        .isEqualTo("11 of 11 conditions hold, 0 at risk, 0 unknown for lack of data");
  }

  @Test
  void every_indicator_names_its_rule_and_the_facts_it_rests_on() {
    Indicator delivery = indicator(MID_2016, Condition.PARTNER_DELIVERY);

    assertThat(delivery.rule()).contains("at least 75%");
    assertThat(delivery.value()).contains("fulfilment rate 100%");
    assertThat(delivery.supportingFacts()).contains(portHours.factId());
  }

  @Test
  void a_partnership_with_only_its_registration_is_unknown_on_nearly_everything() {
    Story bare = new Story("bare");
    bare.registered("2015", "Bare", PartnershipKind.OTHER);
    readModels.feed(bare.events().toArray());

    DurabilityIndicators indicators =
        readModels
            .partnerships()
            .handle(new FindDurabilityIndicators(bare.id(), LocalDate.parse(MID_2016), null))
            .orElseThrow();

    assertThat(indicators.unknown()).isEqualTo(10);
    assertThat(indicators.holding()).isEqualTo(1);
    assertThat(indicators.summary()).startsWith("1 of 11 conditions hold");
  }

  @Test
  void demand_from_companies_is_at_risk_when_no_employer_promise_is_in_force_or_recent() {
    assertThat(indicator("2020-06-01", Condition.EMPLOYER_DEMAND).verdict()).isEqualTo(AT_RISK);
  }

  @Test
  void two_employers_of_one_group_are_one_employer() {
    readModels.feed(inGroup("huisman", "port", "2000"));

    Indicator concentration = indicator(MID_2016, Condition.EMPLOYER_CONCENTRATION);

    assertThat(concentration.verdict()).isEqualTo(AT_RISK);
    assertThat(concentration.value()).contains("largest group Port of Rotterdam: 2 of 2");
  }

  @Test
  void what_each_group_promised_is_shown_per_unit_beside_the_counts() {
    hub.commitment(
        "2015", "port-places", "port", CommitmentType.PLACEMENTS, 30, Unit.PLACES, "2015", "2018");

    Indicator concentration = indicator(MID_2016, Condition.EMPLOYER_CONCENTRATION);

    // Huisman promised 10 + 10 places, the port 30: the port has 30 of 50 places.
    assertThat(concentration.value())
        .contains("by volume:", "Port of Rotterdam 30 of 50 PLACES (60%, HHI 0.5200)");
  }

  @Test
  void a_pioneer_who_left_without_successor_puts_the_partnership_at_risk() {
    hub.keyPerson("2009", "pioneer", KeyPersonRole.PIONEER, "hr", false);
    hub.keyPersonLeft("2013", "pioneer");

    assertThat(indicator(MID_2016, Condition.KEY_PERSON_DEPENDENCE).verdict()).isEqualTo(AT_RISK);
  }

  @Test
  void a_pioneer_who_was_succeeded_does_not() {
    hub.keyPerson("2009", "pioneer", KeyPersonRole.PIONEER, "hr", false);
    hub.keyPerson("2013", "new-pioneer", KeyPersonRole.PIONEER, "hr", false);
    hub.succeeded("2013", "pioneer", "new-pioneer");
    hub.keyPersonLeft("2013", "pioneer");

    assertThat(indicator(MID_2016, Condition.KEY_PERSON_DEPENDENCE).verdict()).isEqualTo(HOLDS);
  }

  @Test
  void a_technohub_with_one_school_left_lacks_mass() {
    hub.left("2014", "albeda");

    Indicator mass = indicator(MID_2016, Condition.CRITICAL_MASS);

    assertThat(mass.verdict()).isEqualTo(AT_RISK);
    assertThat(mass.value()).contains("1 school, 2 employers");
  }

  @Test
  void without_a_programme_manager_with_mandate_at_the_employer_the_top_is_not_committed() {
    hub.keyPersonLeft("2014", "port-manager");

    Indicator top = indicator(MID_2016, Condition.TOP_COMMITMENT);

    assertThat(top.verdict()).isEqualTo(AT_RISK);
    assertThat(top.value())
        .contains("employer side: executive backing yes, programme manager with mandate no");
  }

  @Test
  void a_programme_manager_whose_mandate_no_source_gives_leaves_the_top_commitment_unknown() {
    hub.keyPersonLeft("2014", "port-manager");
    hub.keyPerson("2014", "port-new-manager", KeyPersonRole.PROGRAMME_MANAGER, "port", null);

    Indicator top = indicator(MID_2016, Condition.TOP_COMMITMENT);

    assertThat(top.verdict()).isEqualTo(UNKNOWN);
    assertThat(top.value())
        .contains("employer side: executive backing yes, programme manager with mandate unknown");
  }

  @Test
  void a_programme_manager_whose_organisation_no_source_names_may_be_on_either_side() {
    hub.keyPersonLeft("2014", "port-manager");
    hub.keyPerson("2014", "director", KeyPersonRole.PROGRAMME_MANAGER, null, true);

    Indicator top = indicator(MID_2016, Condition.TOP_COMMITMENT);

    // The employer side lacks its own manager, but the director may work for it: unknown.
    assertThat(top.verdict()).isEqualTo(UNKNOWN);
    assertThat(top.value())
        .contains("employer side: executive backing yes, programme manager with mandate unknown");
  }

  @Test
  void a_person_whose_organisation_is_unknown_does_not_fill_a_side_missing_its_backing() {
    hub.keyPersonLeft("2014", "port-manager");
    hub.keyPerson("2014", "director", KeyPersonRole.PROGRAMME_MANAGER, null, true);
    hub.keyPersonLeft("2015", "port-ceo");

    Indicator top = indicator(MID_2016, Condition.TOP_COMMITMENT);

    assertThat(top.verdict()).isEqualTo(AT_RISK);
    assertThat(top.value()).contains("employer side: executive backing no");
  }

  @Test
  void a_programme_manager_without_mandate_whose_organisation_is_unknown_fills_no_side() {
    hub.keyPersonLeft("2014", "port-manager");
    hub.keyPerson("2014", "director", KeyPersonRole.PROGRAMME_MANAGER, null, false);

    assertThat(indicator(MID_2016, Condition.TOP_COMMITMENT).verdict()).isEqualTo(AT_RISK);
  }

  @Test
  void a_side_missing_its_backing_is_at_risk_whatever_an_unknown_mandate_turns_out_to_be() {
    hub.keyPersonLeft("2014", "port-manager");
    hub.keyPerson("2014", "port-new-manager", KeyPersonRole.PROGRAMME_MANAGER, "port", null);
    hub.keyPersonLeft("2015", "hr-director");

    Indicator top = indicator(MID_2016, Condition.TOP_COMMITMENT);

    assertThat(top.verdict()).isEqualTo(AT_RISK);
    assertThat(top.value()).contains("school side: executive backing no");
  }

  @Test
  void a_large_subsidy_that_carries_the_year_and_ends_soon_is_dependence() {
    hub.funding("2016", "groeifonds", FundingType.SUBSIDY, 2_000_000, "2016", "2016");

    Indicator subsidy = indicator(MID_2016, Condition.SUBSIDY_DEPENDENCE);

    assertThat(subsidy.verdict()).isEqualTo(AT_RISK);
    assertThat(subsidy.value()).contains("1 subsidy cliff ahead");
  }

  @Test
  void a_subsidy_whose_amount_no_source_gives_leaves_dependence_unknown() {
    hub.fundingWithoutAmount("2016", "eu-grant", FundingType.SUBSIDY, "2016", "2018");

    Indicator subsidy = indicator(MID_2016, Condition.SUBSIDY_DEPENDENCE);

    assertThat(subsidy.verdict()).isEqualTo(UNKNOWN);
    assertThat(subsidy.value())
        .contains("1 funding without a known amount (eu-grant: SUBSIDY)")
        .contains("subsidy is between 0% and 100%");
  }

  @Test
  void in_kind_funding_without_amount_cannot_make_it_live_on_subsidy() {
    hub.fundingWithoutAmount("2016", "schools-in-kind", FundingType.IN_KIND, "2016", null);

    Indicator subsidy = indicator(MID_2016, Condition.SUBSIDY_DEPENDENCE);

    assertThat(subsidy.verdict()).isEqualTo(HOLDS);
    assertThat(subsidy.value())
        .contains("besides EUR ")
        .contains("subsidy is 0% of the funding whatever the unknown amounts");
  }

  @Test
  void a_partnership_discontinued_within_a_year_of_its_subsidy_did_not_survive_it() {
    hub.discontinued("2013-06", DiscontinuationReason.SUBSIDY_ENDED);

    Indicator survived = indicator(MID_2016, Condition.SURVIVED_SUBSIDY);

    assertThat(survived.verdict()).isEqualTo(AT_RISK);
    assertThat(survived.value())
        .isEqualTo(
            "subsidy efro ended 2012-12-31: DISCONTINUED after 12 months, DISCONTINUED after 24 months");
  }

  @Test
  void broken_promises_bring_delivery_below_three_quarters() {
    hub.commitment(
        "2013", "port-broken", "port", CommitmentType.MONEY, 10_000, Unit.EUR, "2013", "2014");
    hub.commitment(
        "2013",
        "huisman-broken",
        "huisman",
        CommitmentType.MONEY,
        10_000,
        Unit.EUR,
        "2013",
        "2014");
    hub.broken("2014", "port-broken");
    hub.broken("2014", "huisman-broken");

    Indicator delivery = indicator(MID_2016, Condition.PARTNER_DELIVERY);

    assertThat(delivery.verdict()).isEqualTo(AT_RISK);
    assertThat(delivery.value()).startsWith("fulfilment rate 50%");
  }

  private void placesPromised(String commitment, String partner) {
    hub.commitment(
        "2013", commitment, partner, CommitmentType.PLACEMENTS, 10, Unit.PLACES, "2013", "2014");
  }

  @Test
  void an_approximate_delivery_that_holds_under_every_reading_holds() {
    placesPromised("huisman-about", "huisman");
    hub.partlyFulfilled("2014", "huisman-about", Quantity.about(9, Unit.PLACES));

    Indicator delivery = indicator(MID_2016, Condition.PARTNER_DELIVERY);

    // 1, 1 and 8.1 to 9.9 of 10: 94% to 100%, above 75% however "about 9" is read
    assertThat(delivery.verdict()).isEqualTo(HOLDS);
    assertThat(delivery.value())
        .startsWith("fulfilment rate between 94% and 100%")
        .contains("delivered 500 of 500 HOURS (100%), about 19 of 20 PLACES (95%)");
  }

  @Test
  void an_approximate_delivery_that_fails_under_every_reading_is_at_risk() {
    for (String broken : List.of("b1", "b2", "b3", "b4")) {
      placesPromised(broken, "port");
      hub.broken("2014", broken);
    }
    placesPromised("huisman-about", "huisman");
    hub.partlyFulfilled("2014", "huisman-about", Quantity.about(2, Unit.PLACES));

    Indicator delivery = indicator(MID_2016, Condition.PARTNER_DELIVERY);

    // 1, 1, four times 0 and 0.18 to 0.22: 31% to 32%, below 75% however "about 2" is read
    assertThat(delivery.verdict()).isEqualTo(AT_RISK);
    assertThat(delivery.value()).startsWith("fulfilment rate between 31% and 32%");
  }

  @Test
  void a_delivery_known_only_as_a_lower_bound_that_could_flip_the_verdict_leaves_it_unknown() {
    placesPromised("port-broken", "port");
    hub.broken("2014", "port-broken");
    placesPromised("huisman-at-least", "huisman");
    hub.partlyFulfilled("2014", "huisman-at-least", Quantity.atLeast(3, Unit.PLACES));

    Indicator delivery = indicator(MID_2016, Condition.PARTNER_DELIVERY);

    // 1, 1, 0 and 0.3 or more: 58% if exactly 3 were delivered, 75% if nearly all 10 were
    assertThat(delivery.verdict()).isEqualTo(UNKNOWN);
    assertThat(delivery.value())
        .startsWith("fulfilment rate between 58% and 75%")
        .contains("at least 13 of 30 PLACES");
    assertThat(delivery.rule()).contains("lower bound leaves the rate on both sides");
  }

  @Test
  void a_delivery_known_only_as_a_lower_bound_above_the_threshold_still_holds() {
    placesPromised("huisman-at-least", "huisman");
    hub.partlyFulfilled("2014", "huisman-at-least", Quantity.atLeast(8, Unit.PLACES));

    assertThat(indicator(MID_2016, Condition.PARTNER_DELIVERY).verdict()).isEqualTo(HOLDS);
  }

  @Test
  void governance_given_up_leaves_no_formal_platform() {
    hub.governanceChanged("2015", GovernanceForm.NONE, null);

    assertThat(indicator(MID_2016, Condition.FORMAL_PLATFORM).verdict()).isEqualTo(AT_RISK);
  }

  @Test
  void only_non_formal_activities_in_fixed_formats_mean_education_does_not_move() {
    hub.activityEnded("2014", "minor");
    hub.activity(
        "2014", "network-evenings", LedFrom.OUTSIDE_EDUCATION, LearningForm.NON_FORMAL, false);

    Indicator education = indicator(MID_2016, Condition.EDUCATION_MOVES);

    assertThat(education.verdict()).isEqualTo(AT_RISK);
    assertThat(education.value()).contains("centre of gravity CATALYST");
  }

  @Test
  void an_end_in_a_downturn_is_explained_by_its_reason_and_the_facts_before_it() {
    hub.left("2015-03", "huisman");
    hub.discontinued("2015-09", DiscontinuationReason.ECONOMIC_DOWNTURN);

    Indicator ending = indicator(MID_2016, Condition.ENDING);

    assertThat(ending.verdict()).isEqualTo(AT_RISK);
    assertThat(ending.value())
        .startsWith("discontinued 2015-09: ECONOMIC_DOWNTURN")
        .contains("2015-03 partner huisman left");
  }

  @Test
  void an_end_because_the_goals_were_achieved_holds() {
    hub.discontinued("2015-09", DiscontinuationReason.GOALS_ACHIEVED);

    assertThat(indicator(MID_2016, Condition.ENDING).verdict()).isEqualTo(HOLDS);
  }

  @Test
  void a_partnership_known_only_to_exist_by_a_date_is_unknown_on_everything_before_it() {
    Story katapult = new Story("civil");
    katapult.registeredExistingBy("[..2016]", "CIVIL", PartnershipKind.COVE_CIV);
    katapult.joined("[..2016]", "installatiewerk-zuidoost", PartnerRole.CORE);
    readModels.feed(katapult.events().toArray());

    var before =
        readModels
            .partnerships()
            .handle(new FindDurabilityIndicators(katapult.id(), LocalDate.parse(MID_2016), null))
            .orElseThrow();
    var after =
        readModels
            .partnerships()
            .handle(
                new FindDurabilityIndicators(katapult.id(), LocalDate.parse("2017-01-01"), null))
            .orElseThrow();
    var timelineBefore =
        readModels
            .partnerships()
            .handle(new FindTimeline(katapult.id(), LocalDate.parse(MID_2016), null))
            .orElseThrow();
    var timeline =
        readModels.partnerships().handle(new FindTimeline(katapult.id(), null, null)).orElseThrow();

    assertThat(before.indicators())
        .as("no later than 2016, asked of mid-2016: nothing is known to have happened yet")
        .allSatisfy(i -> assertThat(i.verdict()).isEqualTo(UNKNOWN));
    assertThat(
            after.indicators().stream()
                .filter(i -> i.condition() == Condition.ENDING)
                .findFirst()
                .orElseThrow()
                .value())
        .isEqualTo("running: existing by 2016, start unknown, no phase recorded");
    assertThat(timelineBefore.entries()).isEmpty();
    assertThat(timeline.entries())
        .extracting(e -> e.occurredOn().toString())
        .containsExactly("[..2016]", "[..2016]");
  }

  @Test
  void a_partnership_whose_start_is_unknown_runs_from_its_evidence_without_a_phase() {
    Story klooster = new Story("klooster");
    klooster.registeredExistingBy(
        "2015", "Leerhotel Het Klooster", PartnershipKind.LEARNING_COMPANY);
    readModels.feed(klooster.events().toArray());

    Indicator ending =
        readModels
            .partnerships()
            .handle(new FindDurabilityIndicators(klooster.id(), LocalDate.parse(MID_2016), null))
            .orElseThrow()
            .indicators()
            .stream()
            .filter(i -> i.condition() == Condition.ENDING)
            .findFirst()
            .orElseThrow();

    assertThat(ending.value())
        .isEqualTo("running: existing by 2015, start unknown, no phase recorded");
    assertThat(indicator(MID_2016, Condition.ENDING).value())
        .isEqualTo("running: STRUCTURAL since 2011");
  }

  @Test
  void an_unknown_verdict_is_given_when_no_subsidy_has_ended_long_enough_ago() {
    assertThat(indicator("2013-06-01", Condition.SURVIVED_SUBSIDY).verdict()).isEqualTo(UNKNOWN);
  }
}
