package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.core.partnership.vocabulary.PartnerRole.CORE;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.common.Findings;
import nl.partnershipregistry.projections.query.durability.CriticalMassCondition;
import nl.partnershipregistry.projections.query.durability.DurabilityCondition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.durability.EducationMovesCondition;
import nl.partnershipregistry.projections.query.durability.EmployerConcentrationCondition;
import nl.partnershipregistry.projections.query.durability.EmployerDemandCondition;
import nl.partnershipregistry.projections.query.durability.EndingCondition;
import nl.partnershipregistry.projections.query.durability.FormalPlatformCondition;
import nl.partnershipregistry.projections.query.durability.Judged;
import nl.partnershipregistry.projections.query.durability.KeyPersonDependenceCondition;
import nl.partnershipregistry.projections.query.durability.PartnerDeliveryCondition;
import nl.partnershipregistry.projections.query.durability.SubsidyDependenceCondition;
import nl.partnershipregistry.projections.query.durability.SurvivedSubsidyCondition;
import nl.partnershipregistry.projections.query.durability.TopCommitmentCondition;
import nl.partnershipregistry.projections.testing.Story;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.StoredEvent;
import org.junit.jupiter.api.Test;

/**
 * Each durability condition judged on a history alone: no read models, no server, only the
 * partnership's facts, its partners' organisations and the condition's class.
 */
class DurabilityConditionsTest {

  private static final OrganisationFact SCHOOL = Story.school("roc", "ROC", SchoolLevel.MBO);
  private static final OrganisationFact STORK = Story.employer("stork", "Stork");
  private static final OrganisationFact TATA = Story.employer("tata", "Tata Steel");
  private static final OrganisationFact TATA_IJMUIDEN = Story.employer("tata-ij", "Tata IJmuiden");
  private static final OrganisationFact IN_TATA = Story.inGroup("tata-ij", "tata", "2000");

  private final Story story = new Story("p");

  private Story registered(PartnershipKind kind) {
    story.registered("2010-01-01", "P", kind);
    return story;
  }

  private Story registered() {
    return registered(PartnershipKind.DUAL_TRAJECTORY);
  }

  /** The condition on a day, with the organisations named. */
  private Indicator judge(DurabilityCondition condition, String day) {
    PartnershipHistory history = new PartnershipHistory();
    story.events().forEach(history::add);
    LocalDate asOf = LocalDate.parse(day);
    TimeSlice slice = new TimeSlice(asOf, Instant.parse("2030-01-01T00:00:00Z"));
    Map<String, List<StoredEvent<OrganisationFact>>> streams = new LinkedHashMap<>();
    long position = 1;
    for (OrganisationFact fact : Arrays.asList(SCHOOL, STORK, TATA, TATA_IJMUIDEN, IN_TATA)) {
      streams
          .computeIfAbsent(fact.organisationId().value(), id -> new ArrayList<>())
          .add(new StoredEvent<>(position++, fact.recorded().at(), fact));
    }
    OrganisationDirectory organisations =
        OrganisationDirectory.of(streams.values(), slice.asKnownOn(), asOf);
    Indicator indicator =
        condition.judge(
            new Judged(
                story.id(), slice, history, PartnershipAsOf.of(history, asOf), organisations));
    assertThat(indicator.condition()).isEqualTo(condition.condition());
    assertThat(indicator.value()).isEqualTo(Findings.english(indicator.finding()));
    return indicator;
  }

  @Test
  void every_condition_of_the_domain_has_its_class_once() {
    assertThat(DurabilityCondition.ALL)
        .extracting(DurabilityCondition::condition)
        .containsExactly(DurabilityIndicators.Condition.values());
  }

  @Test
  void employer_demand_needs_an_employer_partner_and_a_recent_or_running_commitment() {
    registered();
    assertThat(judge(new EmployerDemandCondition(), "2012-01-01").verdict()).isEqualTo(UNKNOWN);

    story.joined("2010-02-01", "stork", CORE);
    assertThat(judge(new EmployerDemandCondition(), "2012-01-01").verdict()).isEqualTo(AT_RISK);

    story.commitment(
        "2011-01-01", "c1", "stork", CommitmentType.PLACEMENTS, 10, Unit.PLACES, "2011", "2013");
    Indicator demand = judge(new EmployerDemandCondition(), "2012-01-01");
    assertThat(demand.verdict()).isEqualTo(HOLDS);
    assertThat(demand.supportingFacts()).hasSize(2);
  }

  @Test
  void employer_concentration_counts_the_employers_of_one_group_together() {
    registered();
    story.joined("2010-02-01", "stork", CORE);
    story.joined("2010-02-01", "tata", CORE);
    assertThat(judge(new EmployerConcentrationCondition(), "2012-01-01").verdict())
        .as("two independent employers, one each")
        .isEqualTo(HOLDS);

    story.joined("2010-03-01", "tata-ij", CORE);
    Indicator concentration = judge(new EmployerConcentrationCondition(), "2012-01-01");
    assertThat(concentration.verdict()).as("Tata's group has 2 of 3").isEqualTo(AT_RISK);
    assertThat(concentration.value()).contains("Tata Steel");
  }

  @Test
  void key_person_dependence_is_at_risk_when_a_pioneer_leaves_without_a_successor() {
    registered();
    assertThat(judge(new KeyPersonDependenceCondition(), "2012-01-01").verdict())
        .isEqualTo(UNKNOWN);

    story.keyPerson("2010-01-01", "anna", KeyPersonRole.PIONEER, null, null);
    story.keyPerson("2010-01-01", "bram", KeyPersonRole.PROGRAMME_MANAGER, null, true);
    story.keyPerson("2010-01-01", "cor", KeyPersonRole.EXECUTIVE_SPONSOR, null, null);
    assertThat(judge(new KeyPersonDependenceCondition(), "2012-01-01").verdict()).isEqualTo(HOLDS);

    story.keyPersonLeft("2013-01-01", "anna");
    assertThat(judge(new KeyPersonDependenceCondition(), "2014-01-01").verdict())
        .isEqualTo(AT_RISK);
  }

  @Test
  void critical_mass_asks_two_schools_and_two_employers_of_a_technohub() {
    registered(PartnershipKind.TECHNOHUB);
    assertThat(judge(new CriticalMassCondition(), "2012-01-01").verdict()).isEqualTo(UNKNOWN);

    story.joined("2010-02-01", "roc", CORE);
    story.joined("2010-02-01", "stork", CORE);
    assertThat(judge(new CriticalMassCondition(), "2012-01-01").verdict()).isEqualTo(AT_RISK);
  }

  @Test
  void critical_mass_holds_for_a_dual_trajectory_with_a_school_and_an_employer() {
    registered();
    story.joined("2010-02-01", "roc", CORE);
    story.joined("2010-02-01", "stork", CORE);
    assertThat(judge(new CriticalMassCondition(), "2012-01-01").verdict()).isEqualTo(HOLDS);
  }

  @Test
  void top_commitment_is_unknown_while_a_programme_managers_mandate_is_not_known() {
    registered();
    story.joined("2010-02-01", "roc", CORE);
    story.joined("2010-02-01", "stork", CORE);
    story.keyPerson("2010-02-01", "dean", KeyPersonRole.EXECUTIVE_SPONSOR, "roc", null);
    story.keyPerson("2010-02-01", "ceo", KeyPersonRole.EXECUTIVE_SPONSOR, "stork", null);
    story.keyPerson("2010-02-01", "pm1", KeyPersonRole.PROGRAMME_MANAGER, "roc", true);
    assertThat(judge(new TopCommitmentCondition(), "2012-01-01").verdict())
        .as("no programme manager on the employer side")
        .isEqualTo(AT_RISK);

    story.keyPerson("2011-01-01", "pm2", KeyPersonRole.PROGRAMME_MANAGER, "stork", null);
    assertThat(judge(new TopCommitmentCondition(), "2012-01-01").verdict())
        .as("the employer side's manager, mandate not known")
        .isEqualTo(UNKNOWN);
  }

  @Test
  void top_commitment_holds_with_backing_and_a_manager_with_mandate_on_both_sides() {
    registered();
    story.joined("2010-02-01", "roc", CORE);
    story.joined("2010-02-01", "stork", CORE);
    story.keyPerson("2010-02-01", "dean", KeyPersonRole.EXECUTIVE_SPONSOR, "roc", null);
    story.keyPerson("2010-02-01", "ceo", KeyPersonRole.EXECUTIVE_SPONSOR, "stork", null);
    story.keyPerson("2010-02-01", "pm1", KeyPersonRole.PROGRAMME_MANAGER, "roc", true);
    story.keyPerson("2010-02-01", "pm2", KeyPersonRole.PROGRAMME_MANAGER, "stork", true);
    assertThat(judge(new TopCommitmentCondition(), "2012-01-01").verdict()).isEqualTo(HOLDS);
  }

  @Test
  void subsidy_dependence_follows_the_subsidy_share_and_is_unknown_when_an_amount_could_tip_it() {
    registered();
    assertThat(judge(new SubsidyDependenceCondition(), "2012-06-01").verdict()).isEqualTo(UNKNOWN);

    story.funding("2012-01-01", "own", FundingType.CONTRACT_REVENUE, 90_000, "2012", "2015");
    story.funding("2012-01-01", "sub", FundingType.SUBSIDY, 10_000, "2012", "2015");
    assertThat(judge(new SubsidyDependenceCondition(), "2012-06-01").verdict()).isEqualTo(HOLDS);

    story.fundingWithoutAmount("2012-01-01", "sub2", FundingType.SUBSIDY, "2012", "2015");
    assertThat(judge(new SubsidyDependenceCondition(), "2012-06-01").verdict())
        .as("a subsidy of unknown amount could be more than all else")
        .isEqualTo(UNKNOWN);
  }

  @Test
  void survived_subsidy_is_at_risk_when_the_partnership_ended_within_a_year_of_its_subsidy() {
    registered();
    story.funding("2010-01-01", "sub", FundingType.SUBSIDY, 100_000, "2010", "2011");
    assertThat(judge(new SurvivedSubsidyCondition(), "2012-06-01").verdict())
        .as("ended less than 12 months before")
        .isEqualTo(UNKNOWN);
    assertThat(judge(new SurvivedSubsidyCondition(), "2014-06-01").verdict()).isEqualTo(HOLDS);

    story.discontinued("2012-05-01", DiscontinuationReason.SUBSIDY_ENDED);
    assertThat(judge(new SurvivedSubsidyCondition(), "2014-06-01").verdict()).isEqualTo(AT_RISK);
  }

  @Test
  void partner_delivery_compares_the_fulfilment_rate_with_its_threshold() {
    registered();
    story.joined("2010-02-01", "stork", CORE);
    for (int i = 1; i <= 4; i++) {
      story.commitment(
          "2010-03-01",
          "c" + i,
          "stork",
          CommitmentType.STAFF_HOURS,
          100,
          Unit.HOURS,
          "2010",
          "2011");
    }
    assertThat(judge(new PartnerDeliveryCondition(), "2012-01-01").verdict()).isEqualTo(UNKNOWN);

    story.fulfilled("2011-12-01", "c1");
    story.fulfilled("2011-12-01", "c2");
    story.fulfilled("2011-12-01", "c3");
    assertThat(judge(new PartnerDeliveryCondition(), "2012-01-01").verdict()).isEqualTo(HOLDS);

    story.broken("2011-12-15", "c4");
    assertThat(judge(new PartnerDeliveryCondition(), "2012-01-01").verdict())
        .as("3 of 4 is 75 %, the threshold")
        .isEqualTo(HOLDS);
  }

  @Test
  void partner_delivery_is_at_risk_when_most_promises_are_broken() {
    registered();
    story.joined("2010-02-01", "stork", CORE);
    story.commitment(
        "2010-03-01", "c1", "stork", CommitmentType.STAFF_HOURS, 100, Unit.HOURS, "2010", "2011");
    story.commitment(
        "2010-03-01", "c2", "stork", CommitmentType.STAFF_HOURS, 100, Unit.HOURS, "2010", "2011");
    story.fulfilled("2011-12-01", "c1");
    story.broken("2011-12-01", "c2");
    assertThat(judge(new PartnerDeliveryCondition(), "2012-01-01").verdict()).isEqualTo(AT_RISK);
  }

  @Test
  void formal_platform_reads_the_governance_recorded() {
    registered();
    assertThat(judge(new FormalPlatformCondition(), "2012-01-01").verdict()).isEqualTo(UNKNOWN);

    story.governance("2011-01-01", GovernanceForm.NONE, null);
    assertThat(judge(new FormalPlatformCondition(), "2012-01-01").verdict()).isEqualTo(AT_RISK);

    story.governanceChanged("2013-01-01", GovernanceForm.FOUNDATION, "Stichting P");
    Indicator platform = judge(new FormalPlatformCondition(), "2014-01-01");
    assertThat(platform.verdict()).isEqualTo(HOLDS);
    assertThat(platform.value()).contains("Stichting P");
  }

  @Test
  void education_moves_with_formal_learning_or_a_flexible_format() {
    registered();
    assertThat(judge(new EducationMovesCondition(), "2012-01-01").verdict()).isEqualTo(UNKNOWN);

    story.activity("2011-01-01", "a1", LedFrom.OUTSIDE_EDUCATION, LearningForm.NON_FORMAL, false);
    assertThat(judge(new EducationMovesCondition(), "2012-01-01").verdict()).isEqualTo(AT_RISK);

    story.activity("2012-02-01", "a2", LedFrom.INSIDE_EDUCATION, LearningForm.FORMAL, false);
    assertThat(judge(new EducationMovesCondition(), "2012-03-01").verdict()).isEqualTo(HOLDS);
  }

  @Test
  void ending_holds_while_it_runs_and_judges_the_reason_it_ended() {
    registered();
    Indicator running = judge(new EndingCondition(), "2012-01-01");
    assertThat(running.verdict()).isEqualTo(HOLDS);

    PartnershipDiscontinued ended =
        story.discontinued("2013-01-01", DiscontinuationReason.TOO_FEW_PARTICIPANTS);
    Indicator ending = judge(new EndingCondition(), "2014-01-01");
    assertThat(ending.verdict()).isEqualTo(AT_RISK);
    assertThat(ending.supportingFacts()).endsWith(ended.factId());
    assertThat(judge(new EndingCondition(), "2012-12-31").verdict()).isEqualTo(HOLDS);
  }

  @Test
  void ending_holds_when_the_goals_were_achieved() {
    registered();
    story.discontinued("2013-01-01", DiscontinuationReason.GOALS_ACHIEVED);
    assertThat(judge(new EndingCondition(), "2014-01-01").verdict()).isEqualTo(HOLDS);
  }
}
