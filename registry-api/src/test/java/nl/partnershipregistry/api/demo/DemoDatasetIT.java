package nl.partnershipregistry.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.api.importing.ImportReport;
import nl.partnershipregistry.api.importing.StartupImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The demo dataset imports without a rejected line, and the query API tells what the sources say of
 * each partnership in it (docs/demo-data.md lists these facts with their passages).
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=never"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDatasetIT {

  @Autowired WebTestClient anonymous;
  ImportReport report;
  long nonBlankLines;

  /**
   * The server waits up to 10 seconds for {@code afterCommit}; a client that gave up after the
   * default 5 would fail a question the server is about to answer.
   */
  WebTestClient reader() {
    return anonymous
        .mutate()
        .responseTimeout(Duration.ofSeconds(30))
        .filter(basicAuthentication("researcher", "researcher"))
        .build();
  }

  JsonNode get(String uri) {
    String separator = uri.contains("?") ? "&" : "?";
    return reader()
        .get()
        .uri(uri + separator + "afterCommit=" + report.lastCommit())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  JsonNode state(String id, String asOf) {
    return get("/api/partnerships/" + id + "?asOf=" + asOf);
  }

  static List<String> partners(JsonNode state) {
    List<String> ids = new ArrayList<>();
    state.get("partners").forEach(p -> ids.add(p.get("organisationId").asText()));
    return ids;
  }

  static JsonNode partner(JsonNode state, String organisation) {
    for (JsonNode partner : state.get("partners")) {
      if (partner.get("organisationId").asText().equals(organisation)) {
        return partner;
      }
    }
    throw new AssertionError(organisation + " is not a partner in " + state);
  }

  static List<JsonNode> keyPersons(JsonNode state, String role) {
    List<JsonNode> persons = new ArrayList<>();
    state
        .get("keyPersons")
        .forEach(
            k -> {
              if (k.get("role").asText().equals(role)) {
                persons.add(k);
              }
            });
    return persons;
  }

  JsonNode commitment(String partnership, String commitmentId) {
    for (JsonNode partner :
        get("/api/partnerships/" + partnership + "/commitments").get("partners")) {
      for (JsonNode line : partner.get("commitments")) {
        if (line.get("commitmentId").asText().equals(commitmentId)) {
          return line;
        }
      }
    }
    throw new AssertionError("no commitment " + commitmentId + " in " + partnership);
  }

  static JsonNode indicator(JsonNode durability, String condition) {
    for (JsonNode indicator : durability.get("indicators")) {
      if (indicator.get("condition").asText().equals(condition)) {
        return indicator;
      }
    }
    throw new AssertionError(condition + " missing in " + durability);
  }

  @BeforeAll
  void import_the_dataset() throws IOException {
    String file =
        new ClassPathResource(StartupImport.DEMO_DATASET)
            .getContentAsString(StandardCharsets.UTF_8);
    nonBlankLines = file.lines().filter(l -> !l.isBlank()).count();
    report =
        anonymous
            .mutate()
            .responseTimeout(Duration.ofMinutes(2))
            .filter(basicAuthentication("registrar", "registrar"))
            .build()
            .post()
            .uri("/api/import")
            .contentType(MediaType.parseMediaType("application/x-ndjson"))
            .bodyValue(file)
            .exchange()
            .expectBody(ImportReport.class)
            .returnResult()
            .getResponseBody();
    awaitReadModels();
  }

  /** Waits until the read models have applied the whole import (answered 503 until then). */
  void awaitReadModels() {
    for (int attempt = 0; attempt < 12; attempt++) {
      int status =
          reader()
              .get()
              .uri("/api/partnerships?size=1&afterCommit=" + report.lastCommit())
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value();
      if (status == 200) {
        return;
      }
    }
    throw new AssertionError("the read models did not apply commit " + report.lastCommit());
  }

  @Test
  void every_line_of_the_dataset_is_applied() {
    assertThat(report.rejections()).isEmpty();
    assertThat(report.applied()).isEqualTo(nonBlankLines);
  }

  @Test
  void stbk_ran_2001_to_2008_with_about_75_participants_and_55_diplomas_on_one_employer_group() {
    JsonNode running = state("stbk", "2005-06-01");
    assertThat(running.get("startedOn").asText()).isEqualTo("2001");
    assertThat(partners(running)).containsExactlyInAnyOrder("hitecs", "hva");
    assertThat(partner(running, "hitecs").get("role").asText()).isEqualTo("LEAD");
    assertThat(partner(running, "hitecs").get("groupId").asText()).isEqualTo("stork");

    JsonNode ended = state("stbk", "2009-01-01");
    assertThat(ended.get("discontinuation").get("discontinuedOn").asText()).isEqualTo("2008");
    assertThat(ended.get("discontinuation").get("reason").asText()).isEqualTo("ECONOMIC_DOWNTURN");

    JsonNode cohorts = get("/api/partnerships/stbk/cohorts?asOf=2009-01-01");
    assertThat(cohorts.toString()).contains("\"enrolled\":75").contains("\"graduated\":55");
    // The first diplomas were awarded in 2005: asked as of 2006 there are graduates, as of 2004
    // none; the source gives no number for 2005, so the figure is approximate.
    JsonNode in2006 = get("/api/partnerships/stbk/cohorts?asOf=2006-01-01").get("total");
    assertThat(in2006.get("graduated").asInt()).isPositive();
    assertThat(in2006.get("approximate").asBoolean()).isTrue();
    assertThat(
            get("/api/partnerships/stbk/cohorts?asOf=2004-12-31")
                .get("total")
                .get("graduated")
                .asInt())
        .isZero();

    JsonNode durability = get("/api/partnerships/stbk/durability?asOf=2007-01-01");
    assertThat(indicator(durability, "EMPLOYER_CONCENTRATION").get("verdict").asText())
        .isEqualTo("AT_RISK");
    assertThat(indicator(durability, "ENDING").get("verdict").asText()).isNotBlank();
  }

  @Test
  void douai_business_school_lasted_from_1991_to_2013_with_four_chambers_of_commerce() {
    JsonNode running = state("douai-business-school", "2000-01-01");
    assertThat(running.get("startedOn").asText()).isEqualTo("1991");
    assertThat(partners(running))
        .containsExactlyInAnyOrder("cci-arras", "cci-bethune", "cci-lens", "cci-douai");
    assertThat(
            state("douai-business-school", "2014-01-01")
                .get("discontinuation")
                .get("discontinuedOn")
                .asText())
        .isEqualTo("2013");
    assertThat(state("douai-business-school", "2012-12-31").get("discontinuation").isNull())
        .isTrue();
  }

  @Test
  void egc_lille_runs_its_dual_programme_since_about_2011_with_loic_heens() {
    JsonNode state = state("egc-lille-dual", "2021-12-31");
    assertThat(state.get("startedOn").asText()).isEqualTo("2011~");
    assertThat(state.get("keyPersons").toString()).contains("Loïc Heens");
  }

  @Test
  void fontys_ad_engineering_started_in_2018_with_15_employees_of_11_companies_6_of_vdl() {
    JsonNode state = state("fontys-ad-engineering-venlo", "2018-12-31");
    assertThat(state.get("startedOn").asText()).startsWith("2018");
    assertThat(state.get("phase").asText()).isEqualTo("PILOT");
    List<String> companies = new ArrayList<>(partners(state));
    companies.remove("fontys");
    assertThat(companies).hasSize(11);
    long vdl = 0;
    for (JsonNode partner : state.get("partners")) {
      if ("vdl-groep".equals(partner.path("groupId").asText())) {
        vdl++;
      }
    }
    assertThat(vdl).isEqualTo(6);
    assertThat(
            get("/api/partnerships/fontys-ad-engineering-venlo/cohorts?asOf=2018-12-31").toString())
        .contains("\"enrolled\":15");
  }

  @Test
  void luchtvaartcollege_schiphol_began_as_a_2007_project_and_klm_joined_later() {
    JsonNode project = state("luchtvaartcollege-schiphol", "2008-01-01");
    assertThat(project.get("phase").asText()).isEqualTo("PILOT");
    assertThat(partners(project))
        .containsExactlyInAnyOrder("schiphol-group", "uwv-amsterdam", "dwi", "roc-amsterdam");

    JsonNode foundation = state("luchtvaartcollege-schiphol", "2016-01-01");
    assertThat(partners(foundation)).contains("klm");
    assertThat(foundation.get("phase").asText()).isEqualTo("STRUCTURAL");
    assertThat(foundation.get("governance").isNull()).isFalse();
    assertThat(keyPersons(foundation, "PROGRAMME_MANAGER")).hasSize(1);
    assertThat(keyPersons(foundation, "PROGRAMME_MANAGER").get(0).get("withMandate").isNull())
        .isTrue();
    assertThat(get("/api/partnerships/luchtvaartcollege-schiphol/timeline").toString())
        .contains("worden voor vmbo leerlingen stages georganiseerd")
        .contains("specifieke doelgroepen toe te leiden naar werk");
  }

  @Test
  void technasium_grew_from_a_pilot_to_a_structural_network_without_outside_subsidy() {
    assertThat(state("technasium", "2004-01-01").get("phase").asText()).isEqualTo("PILOT");
    JsonNode grown = state("technasium", "2016-01-01");
    assertThat(grown.get("phase").asText()).isEqualTo("STRUCTURAL");
    List<String> fundingTypes = new ArrayList<>();
    grown.get("fundingInForce").forEach(f -> fundingTypes.add(f.get("type").asText()));
    assertThat(fundingTypes).containsExactly("MEMBER_FEES");
    assertThat(get("/api/partnerships/technasium/timeline").toString()).contains("95 schools");
    // The two teachers who started the pilot are its pioneers; the source names no school.
    List<JsonNode> pioneers = keyPersons(state("technasium", "2004-01-01"), "PIONEER");
    assertThat(pioneers).hasSize(2);
    assertThat(pioneers).allSatisfy(p -> assertThat(p.get("organisationId").isNull()).isTrue());
  }

  @Test
  void rdm_was_started_by_the_hogeschool_rotterdam_and_the_port_and_had_nine_partners_in_2015() {
    assertThat(partners(state("rdm-centre-of-expertise", "2006-01-01")))
        .containsExactlyInAnyOrder("hogeschool-rotterdam", "havenbedrijf-rotterdam");
    JsonNode later = state("rdm-centre-of-expertise", "2016-01-01");
    assertThat(partners(later)).hasSize(9);
    assertThat(partner(later, "hogeschool-rotterdam").get("role").asText()).isEqualTo("LEAD");
    assertThat(keyPersons(later, "PROGRAMME_MANAGER")).hasSize(1);
    JsonNode complex = commitment("rdm-centre-of-expertise", "campus-complex");
    assertThat(complex.get("organisationId").asText()).isEqualTo("havenbedrijf-rotterdam");
    assertThat(complex.get("type").asText()).isEqualTo("FACILITIES");
  }

  @Test
  void cew_started_in_2011_and_had_eight_primary_partners_as_a_foundation() {
    JsonNode state = state("cew-water-technology", "2016-01-01");
    assertThat(state.get("startedOn").asText()).isEqualTo("2011");
    assertThat(partners(state)).hasSize(8);
    assertThat(keyPersons(state, "PROGRAMME_MANAGER")).hasSize(1);
    assertThat(state.get("governance").isNull()).isFalse();

    JsonNode year2015 =
        year(get("/api/partnerships/cew-water-technology/funding?asOf=2015-12-31"), 2015);
    List<String> types = new ArrayList<>();
    year2015.get("withoutAmount").forEach(f -> types.add(f.get("type").asText()));
    assertThat(types)
        .containsExactlyInAnyOrder(
            "SUBSIDY", "IN_KIND", "CO_FINANCING", "APPLIED_RESEARCH_REVENUE");
    JsonNode durability = get("/api/partnerships/cew-water-technology/durability?asOf=2015-12-31");
    assertThat(indicator(durability, "SUBSIDY_DEPENDENCE").get("verdict").asText())
        .isEqualTo("UNKNOWN");
  }

  static JsonNode year(JsonNode mix, int year) {
    for (JsonNode y : mix.get("years")) {
      if (y.get("year").asInt() == year) {
        return y;
      }
    }
    throw new AssertionError(year + " missing in " + mix);
  }

  @Test
  void care_academy_veluwe_had_eleven_partners_and_lived_on_subsidies() {
    JsonNode state = state("care-academy-veluwe", "2016-01-01");
    assertThat(state.get("startedOn").asText()).isEqualTo("2011");
    assertThat(partners(state)).hasSize(11);
    JsonNode subsidies = state.get("fundingInForce").get(0);
    assertThat(subsidies.get("type").asText()).isEqualTo("SUBSIDY");
    assertThat(subsidies.get("amount").isNull()).isTrue();
    assertThat(get("/api/partnerships/care-academy-veluwe/timeline").toString())
        .containsIgnoringCase("subsid");
  }

  @Test
  void atc_amersfoort_trains_young_people_since_2006_about_200_in_2015() {
    assertThat(state("atc-amersfoort", "2016-01-01").get("startedOn").asText()).isEqualTo("2006");
    assertThat(get("/api/partnerships/atc-amersfoort/cohorts?asOf=2016-01-01").toString())
        .contains("\"enrolled\":200");
    assertThat(keyPersons(state("atc-amersfoort", "2007-01-01"), "PIONEER")).hasSize(1);
    assertThat(keyPersons(state("atc-amersfoort", "2016-01-01"), "EXECUTIVE_SPONSOR")).hasSize(1);
  }

  @Test
  void hybride_docent_is_a_2015_pilot_with_ret_and_shell() {
    JsonNode state = state("hybride-docent", "2016-01-01");
    assertThat(state.get("phase").asText()).isEqualTo("PILOT");
    assertThat(partners(state)).contains("ret", "shell", "ocw", "tno");
    // Begun without subsidy, as a hobby, before 2015: its start is not dated.
    assertThat(state.get("startedOn").isNull()).isTrue();
    assertThat(state.get("existingBy").asText()).isEqualTo("2015");
    assertThat(keyPersons(state, "PIONEER")).hasSize(2);
  }

  @Test
  void nhl_stenden_sbrm_exists_by_2018_began_at_albert_heijn_and_serves_more_than_200() {
    JsonNode state = state("nhl-stenden-sbrm", "2018-12-31");
    assertThat(state.get("startedOn").isNull()).isTrue();
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2018]");
    assertThat(partners(state))
        .containsExactlyInAnyOrder(
            "nhl-stenden", "albert-heijn", "mediamarkt", "deen", "plus", "kwantum", "hema");
    assertThat(get("/api/partnerships/nhl-stenden-sbrm/timeline").toString())
        .contains("More than 200 employees");
    assertThat(get("/api/partnerships/nhl-stenden-sbrm/cohorts?asOf=2018-12-31").toString())
        .as("'ruim 200': at least 200")
        .contains("\"enrolled\":200")
        .contains("\"enrolledExactness\":\"AT_LEAST\"");
  }

  @Test
  void automotive_centre_of_expertise_exists_by_2018_with_three_hogescholen_and_30_partners() {
    JsonNode state = state("automotive-centre-of-expertise", "2018-12-31");
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2018]");
    assertThat(partners(state)).hasSize(30).contains("hogeschool-rotterdam", "fontys", "han");
    assertThat(partner(state, "provincie-noord-brabant").get("role").asText()).isEqualTo("FUNDER");
    assertThat(get("/api/partnerships/automotive-centre-of-expertise/timeline").toString())
        .contains("ACE Academy");

    JsonNode year2018 =
        get("/api/partnerships/automotive-centre-of-expertise/funding?asOf=2018-12-31")
            .get("years")
            .get(0);
    assertThat(year2018.get("year").asInt()).isEqualTo(2018);
    assertThat(year2018.get("subsidyShare").isNull()).isTrue();
    List<String> withoutAmount = new ArrayList<>();
    year2018
        .get("withoutAmount")
        .forEach(
            f -> withoutAmount.add(f.get("instrument").asText() + " " + f.get("type").asText()));
    assertThat(withoutAmount)
        .containsExactlyInAnyOrder("EFRO SUBSIDY", "REGIONAL_GOVERNMENT SUBSIDY");
  }

  @Test
  void leerhotel_het_klooster_exists_by_2015_with_about_15_percent_more_students() {
    JsonNode state = state("leerhotel-het-klooster", "2016-01-01");
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2015]");
    assertThat(partners(state)).containsExactly("mbo-amersfoort");
    assertThat(get("/api/partnerships/leerhotel-het-klooster/timeline").toString())
        .contains("about 15%")
        .contains("About 15 companies");
    assertThat(state("leerhotel-het-klooster", "2014-12-31").get("phase").isNull()).isTrue();
  }

  @Test
  void leerhotel_teachers_work_in_practice_at_least_a_week_a_year() {
    JsonNode promised =
        commitment("leerhotel-het-klooster", "teachers-in-practice").get("promised");
    assertThat(promised.get("unit").asText()).isEqualTo("HOURS");
    assertThat(promised.get("exactness").asText()).isEqualTo("AT_LEAST");
  }

  @Test
  void care_academy_veluwe_project_leaders_come_from_s_heeren_loo() {
    JsonNode leaders = commitment("care-academy-veluwe", "project-leaders");
    assertThat(leaders.get("organisationId").asText()).isEqualTo("s-heeren-loo");
    assertThat(leaders.get("promised").get("exactness").asText()).isEqualTo("AT_LEAST");
    JsonNode persons =
        get("/api/partnerships/care-academy-veluwe/commitments").get("totals").get("byUnit").get(0);
    assertThat(persons.get("promisedExactness").asText()).isEqualTo("AT_LEAST");
  }

  @Test
  void bureau_noorderruimte_exists_by_2015_with_four_core_programmes_of_about_ten() {
    JsonNode state = state("bureau-noorderruimte", "2016-01-01");
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2015]");
    assertThat(partners(state)).containsExactly("kenniscentrum-noorderruimte");
    assertThat(get("/api/partnerships/bureau-noorderruimte/timeline").toString())
        .contains("Four programmes form the core")
        .contains("about ten");
  }

  @Test
  void veluwe_portaal_exists_by_2015_as_an_employer_platform_paid_by_fees_by_company_size() {
    JsonNode state = state("veluwe-portaal", "2016-01-01");
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2015]");
    assertThat(state.get("kind").asText()).isEqualTo("EMPLOYER_PLATFORM");
    assertThat(get("/api/partnerships/veluwe-portaal/timeline").toString())
        .contains("depends on the size of the company")
        .contains("team of four");
    List<String> funding = new ArrayList<>();
    state.get("fundingInForce").forEach(f -> funding.add(f.get("type").asText()));
    assertThat(funding).contains("MEMBER_FEES", "SUBSIDY");
  }

  @Test
  void technohub_woerden_exists_by_2025_as_a_technohub() {
    JsonNode state = state("technohub-woerden", "2025-12-31");
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2025]");
    assertThat(state.get("kind").asText()).isEqualTo("TECHNOHUB");
  }

  @Test
  void perron038_exists_by_2025_and_zuidberg_places_its_minor_assignments_there() {
    JsonNode state = state("perron038", "2025-12-31");
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2025]");
    assertThat(partners(state)).containsExactly("zuidberg");
  }

  @Test
  void fabriek_van_de_toekomst_exists_by_2025_with_fieldlabs_outside_education() {
    JsonNode state = state("fabriek-van-de-toekomst", "2025-12-31");
    assertThat(state.get("existingBy").asText()).isEqualTo("[..2025]");
    assertThat(state.get("katapult").get("type").asText()).isEqualTo("CATALYST");
    assertThat(state.get("katapult").toString()).contains("fieldlabs");
  }

  @Test
  void survival_curves_leave_out_the_nine_partnerships_whose_start_is_unknown() {
    JsonNode curves = get("/api/analytics/survival?asOf=2025-12-31");
    assertThat(curves.get("leftOutStartUnknown").asInt()).isEqualTo(9);
    assertThat(curves.get("overall").get("partnerships").asInt()).isEqualTo(10);
  }

  // Katapult's cases (seed 004): the source is undated, so every fact is dated no later than the
  // day the registry first read it (decisions 25 and 52), and asOf that day they exist.

  static final String KATAPULT_READ = "2026-11-23";

  static final String KATAPULT_BOUND = "[..2026-11-23]";

  JsonNode katapultCase(String id, String katapultType) {
    // The day before: whether it existed is not known (no source dates its start).
    JsonNode before = state(id, "2026-11-22");
    assertThat(before.get("existence").asText()).isEqualTo("UNKNOWN");
    assertThat(before.get("existingBy").asText()).isEqualTo(KATAPULT_BOUND);
    assertThat(before.get("phase").isNull()).isTrue();
    JsonNode state = state(id, KATAPULT_READ);
    assertThat(state.get("existence").asText()).isEqualTo("EXISTING");
    assertThat(state.get("startedOn").isNull()).isTrue();
    assertThat(state.get("existingBy").asText()).isEqualTo(KATAPULT_BOUND);
    assertThat(state.get("katapult").get("type").asText()).isEqualTo(katapultType);
    return state;
  }

  String cohorts(String id) {
    return get("/api/partnerships/" + id + "/cohorts?asOf=" + KATAPULT_READ).toString();
  }

  String timeline(String id) {
    return get("/api/partnerships/" + id + "/timeline").toString();
  }

  @Test
  void zorgboulevard_roosendaal_is_a_developer_with_kellebeek_college_and_trained_3_groups() {
    JsonNode state = katapultCase("zorgboulevard-roosendaal", "DEVELOPER");
    assertThat(partners(state)).containsExactly("kellebeek-college");
    assertThat(timeline("zorgboulevard-roosendaal")).contains("3 groups");
  }

  @Test
  void horticampus_westland_is_a_developer_whose_associate_degree_started_with_11_students() {
    JsonNode state = katapultCase("horticampus-westland", "DEVELOPER");
    assertThat(partners(state)).containsExactlyInAnyOrder("mbo-westland", "inholland");
    assertThat(cohorts("horticampus-westland")).contains("\"enrolled\":11");
    JsonNode funding = state.get("fundingInForce").get(0);
    assertThat(funding.get("instrument").asText()).isEqualTo("RIF");
    assertThat(funding.get("amount").isNull()).isTrue();
  }

  @Test
  void civ_water_is_a_trainer_with_vitens_and_van_hall_and_4_electives() {
    JsonNode state = katapultCase("civ-water", "TRAINER");
    assertThat(partners(state)).containsExactlyInAnyOrder("vitens", "vhl");
    assertThat(state.get("katapult").toString()).contains("water-electives");
    assertThat(timeline("civ-water")).contains("Woudagemaal");
  }

  @Test
  void topcentrum_autoschadeherstel_is_a_trainer_with_voc_focwa_and_pth() {
    JsonNode state = katapultCase("topcentrum-autoschadeherstel", "TRAINER");
    assertThat(partners(state)).containsExactlyInAnyOrder("voc", "focwa", "pth");
    // Carried out by OOC, not by education: outside education on Katapult's own axis.
    assertThat(timeline("topcentrum-autoschadeherstel"))
        .contains("of anderen (dan onderwijs) in the lead");
  }

  @Test
  void house_of_hospitality_is_a_catalyst_training_about_50_statushouders_a_year() {
    JsonNode state = katapultCase("house-of-hospitality", "CATALYST");
    assertThat(partners(state)).isEmpty();
    assertThat(timeline("house-of-hospitality")).contains("About 50 statushouders a year");
  }

  @Test
  void civ_techwise_twente_is_a_catalyst_with_saxion_and_three_training_organisations() {
    JsonNode state = katapultCase("civ-techwise-twente", "CATALYST");
    assertThat(partners(state)).containsExactlyInAnyOrder("saxion", "stodt", "remo", "smeot");
  }

  @Test
  void beyond_is_an_entrepreneur_training_in_company_at_levels_1_to_3() {
    JsonNode state = katapultCase("beyond-academy", "ENTREPRENEUR");
    assertThat(state.get("katapult").toString()).contains("in-company-training");
    assertThat(timeline("beyond-academy")).contains("levels 1 to 3");
  }

  @Test
  void
      civil_is_an_entrepreneur_that_realised_277_courses_against_150_and_retrained_75_installers() {
    JsonNode state = katapultCase("civil", "ENTREPRENEUR");
    assertThat(partners(state))
        .containsExactlyInAnyOrder("installatiewerk-zuidoost", "nefit", "volta");
    assertThat(timeline("civil")).contains("150 budgeted, 277 realised");
    JsonNode courses = commitment("civil", "courses-for-workers");
    assertThat(courses.get("status").asText()).isEqualTo("FULFILLED");
    assertThat(courses.get("promised").get("amount").asInt()).isEqualTo(150);
    assertThat(courses.get("delivered").get("amount").asInt()).isEqualTo(277);
    assertThat(cohorts("civil"))
        .contains("\"enrolled\":75,\"droppedOut\":0")
        .contains("\"enrolled\":4")
        .as("'ruim 75': at least 75")
        .contains("\"enrolledExactness\":\"AT_LEAST\"");
  }

  @Test
  void katapults_cases_are_listed_before_the_day_the_source_was_read_with_existence_unknown() {
    JsonNode page = get("/api/partnerships?size=50&asOf=2020-01-01");
    List<String> unknown = new ArrayList<>();
    page.get("items")
        .forEach(
            item -> {
              if (item.get("existence").asText().equals("UNKNOWN")) {
                unknown.add(item.get("partnershipId").asText());
                assertThat(item.get("phase").isNull()).isTrue();
                assertThat(item.get("activePartners")).isEmpty();
              }
            });
    assertThat(unknown)
        .contains(
            "zorgboulevard-roosendaal",
            "horticampus-westland",
            "civ-water",
            "topcentrum-autoschadeherstel",
            "house-of-hospitality",
            "civ-techwise-twente",
            "beyond-academy",
            "civil",
            "technohub-woerden");
    assertThat(page.get("existenceUnknown").asLong()).isEqualTo(unknown.size());
    assertThat(page.get("countsByPhase").toString()).doesNotContain("null");
    assertThat(timeline("civil")).contains("\"occurredOn\":\"[..2026-11-23]\"");
  }

  @Test
  void technasium_started_circa_2003_so_whether_it_existed_in_2002_is_not_known() {
    assertThat(state("technasium", "2001-06-30").get("existence").asText())
        .isEqualTo("NOT_YET_STARTED");
    assertThat(state("technasium", "2002-06-30").get("existence").asText()).isEqualTo("UNKNOWN");
    JsonNode started = state("technasium", "2003-06-30");
    assertThat(started.get("existence").asText()).isEqualTo("STARTED");
    assertThat(started.get("startedOn").asText()).isEqualTo("2003~");
  }

  @Test
  void survival_curves_leave_out_katapults_cases_too_once_they_exist() {
    JsonNode curves = get("/api/analytics/survival?asOf=" + KATAPULT_READ);
    assertThat(curves.get("leftOutStartUnknown").asInt()).isEqualTo(17);
    assertThat(curves.get("overall").get("partnerships").asInt()).isEqualTo(10);
  }

  @Test
  void the_registry_lists_all_twenty_seven_partnerships() {
    JsonNode page = get("/api/partnerships?size=50");
    assertThat(page.get("total").asLong()).isEqualTo(27);
  }
}
