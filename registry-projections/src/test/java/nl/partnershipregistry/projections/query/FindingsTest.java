package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.projections.query.FindingScenarios.Moment;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.common.Findings;
import nl.partnershipregistry.projections.query.dossier.RenewalDossier;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A finding is a text's key with its arguments, and the English sentence beside it (an indicator's
 * value, a dependency flag's explanation, a warning's message, a subsidy cliff's warning) is that
 * key's English text said with those arguments: for every condition and every kind of warning in
 * the situations of {@link FindingScenarios}, and every text in {@code findings.properties} is said
 * by some finding there. Some sentences are pinned as the registry has always written them.
 */
class FindingsTest {

  private static FindingScenarios scenarios;

  @BeforeAll
  static void tell_the_stories() {
    scenarios = new FindingScenarios();
  }

  @AfterAll
  static void close() {
    scenarios.close();
  }

  @Test
  void every_indicators_value_is_its_finding_said_in_english() {
    Map<Condition, Set<String>> values = new EnumMap<>(Condition.class);
    for (Moment moment : FindingScenarios.MOMENTS) {
      for (Indicator indicator : scenarios.durability(moment).indicators()) {
        String where = moment + ", " + indicator.condition();
        assertThat(indicator.finding().key())
            .as(where)
            .startsWith("finding." + indicator.condition() + ".");
        assertThat(Findings.english(indicator.finding())).as(where).isEqualTo(indicator.value());
        assertThat(keys(indicator.finding()))
            .as(where + ": every key has a text")
            .isSubsetOf(Findings.englishTexts().keySet());
        values.computeIfAbsent(indicator.condition(), c -> new TreeSet<>()).add(indicator.value());
      }
    }
    assertThat(values.keySet()).containsExactly(Condition.values());
    values.forEach(
        (condition, said) ->
            assertThat(said).as("situations of " + condition).hasSizeGreaterThanOrEqualTo(3));
  }

  @Test
  void the_dossiers_flags_and_warnings_and_the_subsidy_cliffs_are_their_findings_said_in_english() {
    Set<RenewalDossier.WarningKind> kinds = EnumSet.noneOf(RenewalDossier.WarningKind.class);
    int cliffs = 0;
    for (Moment moment : FindingScenarios.MOMENTS) {
      RenewalDossier dossier = scenarios.dossier(moment);
      for (RenewalDossier.Warning warning : dossier.openWarnings()) {
        assertThat(warning.finding().key())
            .as(moment.toString())
            .startsWith("finding." + warning.kind() + ".");
        assertThat(Findings.english(warning.finding()))
            .as(moment.toString())
            .isEqualTo(warning.message());
        assertThat(keys(warning.finding()))
            .as(moment.toString())
            .isSubsetOf(Findings.englishTexts().keySet());
        kinds.add(warning.kind());
      }
      for (RenewalDossier.DependencyFlag flag : dossier.dependencyFlags()) {
        assertThat(Findings.english(flag.finding()))
            .as(moment.toString())
            .isEqualTo(flag.explanation());
      }
      for (FundingMix.SubsidyCliff cliff : scenarios.funding(moment).subsidyCliffs()) {
        assertThat(Findings.english(cliff.finding()))
            .as(moment.toString())
            .isEqualTo(cliff.warning());
        cliffs++;
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(RenewalDossier.WarningKind.values());
    assertThat(cliffs).isGreaterThanOrEqualTo(3);
  }

  @Test
  void every_text_is_said_by_some_finding() {
    Set<String> said = new TreeSet<>();
    for (Moment moment : FindingScenarios.MOMENTS) {
      scenarios.durability(moment).indicators().forEach(i -> said.addAll(keys(i.finding())));
      scenarios.dossier(moment).openWarnings().forEach(w -> said.addAll(keys(w.finding())));
    }
    assertThat(said).isEqualTo(new TreeSet<>(Findings.englishTexts().keySet()));
  }

  @Test
  void the_sentences_read_as_the_registry_has_always_written_them() {
    assertThat(values(new Moment("hub", "2016-06-01")))
        .containsExactly(
            "2 employer partners; 4 employer commitments, 2 in force, 2 made in the 24 months"
                + " before 2016-06-01",
            "largest group Port of Rotterdam: 1 of 2 active employer partners (50%), 2 of 4"
                + " employer commitments (50%); HHI of partners 0.5000, of commitments 0.5000; by"
                + " volume: Port of Rotterdam 500 of 500 HOURS (100%, HHI 1.0000), Port of Rotterdam"
                + " 5 of 5 PERSONS (100%, HHI 1.0000), Huisman 20 of 20 PLACES (100%, HHI 1.0000)",
            "4 key persons active; 0 left without a successor",
            "4 active partners: 2 schools, 2 employers, 0 others",
            "school side: executive backing yes, programme manager with mandate yes; employer side:"
                + " executive backing yes, programme manager with mandate yes",
            "in 2016 subsidy is 0% of EUR 100205.34, own revenue 100% (trend STABLE); 0 subsidy"
                + " cliffs ahead",
            "subsidy efro ended 2012-12-31: STRUCTURAL after 12 months, STRUCTURAL after 24 months",
            "fulfilment rate 100%: 2 fulfilled, 0 partially, 0 broken, 0 withdrawn, 2 open;"
                + " delivered 500 of 500 HOURS (100%), 10 of 10 PLACES (100%)",
            "FOUNDATION Stichting RDM since 2012 (first established 2012)",
            "1 active activity by Katapult type {TRAINER=1} (centre of gravity TRAINER); 1 formal, 0"
                + " in a flexible format",
            "running: STRUCTURAL since 2011");
    assertThat(values(new Moment("bare", "2016-06-01")))
        .containsExactly(
            "no partners recorded",
            "no employer partners",
            "no key persons recorded",
            "no partners of known type recorded",
            "school side: executive backing no, programme manager with mandate no; employer side:"
                + " executive backing no, programme manager with mandate no",
            "no funding recorded for 2016",
            "no subsidy ended at least 12 months before 2016-06-01",
            "0 commitments, none settled",
            "no governance recorded",
            "no active activities",
            "running since 2015; no source names its phase");
    assertThat(value(new Moment("ending", "2015-01-01"), Condition.ENDING))
        .isEqualTo(
            "discontinued 2014-06: ECONOMIC_DOWNTURN (as the source tells); before it: 2013-06"
                + " funding start ended; 2013-09 commitment hours broken; 2013-10 commitment money"
                + " withdrawn; 2013-11 partner hitecs left; 2013-12 key person pioneer left; 2014-01"
                + " phase WINDING_DOWN; 2014-02 activity network ended");
    assertThat(value(new Moment("ending", "2014-03-01"), Condition.KEY_PERSON_DEPENDENCE))
        .isEqualTo(
            "1 key person active; 1 left without a successor; the pioneer left without a"
                + " successor; vacant roles: [PIONEER]");
    assertThat(value(new Moment("ending", "2013-06-01"), Condition.EDUCATION_MOVES))
        .isEqualTo(
            "2 active activities by Katapult type {TRAINER=1, CATALYST=1} (centre of gravity"
                + " undecided); 1 formal, 1 in a flexible format");
    assertThat(value(new Moment("mixed", "2016-06-01"), Condition.SUBSIDY_DEPENDENCE))
        .isEqualTo(
            "in 2016 2 fundings without a known amount (in-kind: IN_KIND, rooms: IN_KIND), besides"
                + " EUR 250342.00 known; subsidy is between 0% and 100% of the funding; 1 subsidy"
                + " cliff ahead");
    assertThat(scenarios.dossier(new Moment("cove", "2017-03-01")).openWarnings())
        .extracting(RenewalDossier.Warning::message)
        .containsExactly(
            "Is there real demand from companies? 1 employer partner; 2 employer commitments, 0 in"
                + " force, 0 made in the 24 months before 2017-03-01",
            "Do partners deliver? fulfilment rate 0%: 0 fulfilled, 0 partially, 1 broken, 0"
                + " withdrawn, 1 open; delivered 0 of 50000 EUR (0%)",
            "subsidy rif-2 (RIF, EUR 900000) ends on 2017-12-31, within 12 months, and carries 100%"
                + " of the funding in force; no renewal or replacement is recorded",
            "commitment places of Installatiebedrijf (20 PLACES PLACEMENTS) ran until 2016 and is"
                + " not settled",
            "commitment money of Installatiebedrijf was broken on 2016-06");
  }

  @Test
  void a_findings_arguments_are_the_names_figures_and_dates_of_its_sentence() {
    Finding concentration =
        finding(new Moment("hub", "2016-06-01"), Condition.EMPLOYER_CONCENTRATION);

    assertThat(concentration.key()).isEqualTo("finding.EMPLOYER_CONCENTRATION.groups");
    assertThat(concentration.arguments().subList(0, 3)).containsExactly("Port of Rotterdam", 1L, 2);
    assertThat(((Finding.Percent) concentration.arguments().get(3)).fraction())
        .isEqualByComparingTo("0.5");
    assertThat((BigDecimal) concentration.arguments().get(7)).isEqualByComparingTo("0.5");
    Finding byVolume = (Finding) concentration.arguments().get(9);
    assertThat(byVolume.key()).isEqualTo("finding.EMPLOYER_CONCENTRATION.byVolume");
    Finding hours = (Finding) ((Finding.Joined) byVolume.arguments().get(0)).items().get(0);
    assertThat(hours.arguments().get(0)).isEqualTo("Port of Rotterdam");
    assertThat(hours.arguments().get(3)).isEqualTo(Unit.HOURS);

    Finding demand = finding(new Moment("hub", "2016-06-01"), Condition.EMPLOYER_DEMAND);
    assertThat(demand.arguments())
        .containsExactly(
            Finding.of("finding.n.employerPartners", 2L),
            Finding.of("finding.n.employerCommitments", 4L),
            2L,
            2L,
            LocalDate.parse("2016-06-01"));
  }

  private static List<String> values(Moment moment) {
    return scenarios.durability(moment).indicators().stream().map(Indicator::value).toList();
  }

  private static Indicator indicator(Moment moment, Condition condition) {
    return scenarios.durability(moment).indicators().stream()
        .filter(i -> i.condition() == condition)
        .findFirst()
        .orElseThrow();
  }

  private static String value(Moment moment, Condition condition) {
    return indicator(moment, condition).value();
  }

  private static Finding finding(Moment moment, Condition condition) {
    return indicator(moment, condition).finding();
  }

  /** The finding's key and those of the findings among its arguments, however deep. */
  private static List<String> keys(Finding finding) {
    List<String> keys = new ArrayList<>();
    keys.add(finding.key());
    finding.arguments().forEach(argument -> keys.addAll(keysIn(argument)));
    return keys;
  }

  private static List<String> keysIn(Object argument) {
    if (argument instanceof Finding finding) {
      return keys(finding);
    }
    if (argument instanceof Finding.Joined joined) {
      List<String> keys = new ArrayList<>();
      joined.items().forEach(item -> keys.addAll(keysIn(item)));
      return keys;
    }
    return List.of();
  }
}
