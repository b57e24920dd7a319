package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A partnership told over HTTP from its start to its end, then questioned by each reader: its state
 * on two dates and for two states of knowledge, durability, funding, commitments, the timeline as
 * CSV, the verified export.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "registry.embedded.mode=memory")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiIT {

  static final String SOURCE = "\"source\":{\"document\":\"report.pdf\",\"passage\":\"p. 3\"}";
  static final String P = "/api/partnerships/techhub";

  @Autowired WebTestClient anonymous;
  long lastCommit;
  long discontinuationCommit;
  Instant beforeDiscontinuation;

  WebTestClient as(String user) {
    return anonymous.mutate().filter(basicAuthentication(user, user)).build();
  }

  long record(String path, String body) {
    JsonNode receipt =
        as("registrar")
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .is2xxSuccessful()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    lastCommit = receipt.get("commits").get(0).asLong();
    return lastCommit;
  }

  JsonNode read(String user, String uri) {
    String separator = uri.contains("?") ? "&" : "?";
    return as(user)
        .get()
        .uri(uri + separator + "afterCommit=" + lastCommit)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  @BeforeAll
  void tell_the_story() throws Exception {
    record(
        "/api/organisations",
        "{\"organisationId\":\"hs-utrecht\",\"factId\":\"o1\",\"occurredOn\":\"1995\",\"name\":\"Hogeschool"
            + " Utrecht\",\"organisationType\":\"SCHOOL\",\"schoolLevel\":\"HBO\","
            + SOURCE
            + "}");
    record(
        "/api/organisations",
        "{\"organisationId\":\"acme\",\"factId\":\"o2\",\"occurredOn\":\"1990\",\"name\":\"Acme"
            + " Techniek\",\"organisationType\":\"EMPLOYER\","
            + SOURCE
            + "}");
    record(
        "/api/partnerships",
        "{\"partnershipId\":\"techhub\",\"factId\":\"t1\",\"occurredOn\":\"2010-01\",\"name\":\"TechHub"
            + " Utrecht\",\"kind\":\"TECHNOHUB\",\"region\":\"Utrecht\",\"sector\":\"technology\","
            + SOURCE
            + "}");
    record(
        P + "/partners",
        "{\"factId\":\"t2\",\"occurredOn\":\"2010-01\",\"organisationId\":\"hs-utrecht\",\"role\":\"LEAD\","
            + SOURCE
            + "}");
    record(
        P + "/partners",
        "{\"factId\":\"t3\",\"occurredOn\":\"2010-02\",\"organisationId\":\"acme\",\"role\":\"CORE\","
            + SOURCE
            + "}");
    record(
        P + "/commitments",
        "{\"factId\":\"t4\",\"occurredOn\":\"2010-03\",\"commitmentId\":\"acme-places\",\"organisationId\":\"acme\","
            + "\"commitmentType\":\"PLACEMENTS\",\"quantity\":{\"amount\":10,\"unit\":\"PLACES\"},"
            + "\"period\":{\"from\":\"2010\",\"until\":\"2012\"},"
            + SOURCE
            + "}");
    record(
        P + "/commitment-fulfilments",
        "{\"factId\":\"t5\",\"occurredOn\":\"2012-12\",\"commitmentId\":\"acme-places\","
            + SOURCE
            + "}");
    record(
        P + "/funding",
        "{\"factId\":\"t6\",\"occurredOn\":\"2010-01\",\"fundingId\":\"pilot\",\"fundingType\":\"SUBSIDY\","
            + "\"instrument\":\"OCW_PILOT\",\"funder\":\"OCW\",\"amount\":300000,"
            + "\"period\":{\"from\":\"2010-01-01\",\"until\":\"2012-12-31\"},"
            + SOURCE
            + "}");
    record(
        P + "/funding-ends",
        "{\"factId\":\"t7\",\"occurredOn\":\"2012-12-31\",\"fundingId\":\"pilot\"," + SOURCE + "}");
    Thread.sleep(5);
    beforeDiscontinuation = Instant.now();
    Thread.sleep(5);
    discontinuationCommit =
        record(
            P + "/discontinuation",
            "{\"factId\":\"t8\",\"occurredOn\":\"2013-06\",\"reason\":\"SUBSIDY_ENDED\","
                + "\"explanation\":\"No money after the pilot.\","
                + SOURCE
                + "}");
  }

  @Test
  void the_state_as_of_a_day_shows_the_partners_then() {
    JsonNode state = read("auditor", P + "?asOf=2011-06-01");

    assertThat(state.get("name").asText()).isEqualTo("TechHub Utrecht");
    assertThat(state.get("partners").findValuesAsText("organisationId"))
        .containsExactlyInAnyOrder("hs-utrecht", "acme");
    assertThat(state.get("discontinuation").isNull()).isTrue();

    JsonNode later = read("auditor", P + "?asOf=2014-01-01");
    assertThat(later.get("discontinuation").get("reason").asText()).isEqualTo("SUBSIDY_ENDED");

    JsonNode year = read("auditor", P + "?asOf=2011");
    assertThat(year.get("asOf").asText()).isEqualTo("2011-12-31");
    assertThat(year.get("partners").findValuesAsText("organisationId"))
        .containsExactlyInAnyOrder("hs-utrecht", "acme");
    assertThat(read("auditor", P + "/durability?asOf=2011-06").get("asOf").asText())
        .isEqualTo("2011-06-30");
  }

  @Test
  void before_it_started_the_state_says_so_and_identifies_it() {
    JsonNode before = read("auditor", P + "?asOf=2009");

    assertThat(before.get("existence").asText()).isEqualTo("NOT_YET_STARTED");
    assertThat(before.get("name").asText()).isEqualTo("TechHub Utrecht");
    assertThat(before.get("kind").asText()).isEqualTo("TECHNOHUB");
    assertThat(before.get("startedOn").asText()).startsWith("2010-01");
    assertThat(before.get("phase").isNull()).isTrue();
    assertThat(before.get("partners")).isEmpty();
    assertThat(read("auditor", P + "?asOf=2011").get("existence").asText()).isEqualTo("STARTED");

    // No source dates this one's start: before the first that shows it, its existence is unknown.
    record(
        "/api/partnerships",
        "{\"partnershipId\":\"cove-undated\",\"factId\":\"u1\",\"occurredOn\":\"2015\","
            + "\"startKnown\":false,\"name\":\"CoVE Undated\",\"kind\":\"COVE_CIV\","
            + SOURCE
            + "}");
    JsonNode unknown = read("auditor", "/api/partnerships/cove-undated?asOf=2012");
    assertThat(unknown.get("existence").asText()).isEqualTo("UNKNOWN");
    assertThat(unknown.get("name").asText()).isEqualTo("CoVE Undated");
    assertThat(unknown.get("existingBy").asText()).isEqualTo("2015");
    assertThat(
            read("auditor", "/api/partnerships/cove-undated?asOf=2016").get("existence").asText())
        .isEqualTo("EXISTING");
  }

  @Test
  void as_known_before_it_was_recorded_the_404_says_so_and_when_it_was_first_recorded() {
    JsonNode problem =
        as("auditor")
            .get()
            .uri(P + "/durability?asKnownOn=2001-01-01&afterCommit=" + lastCommit)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(problem.get("title").asText()).isEqualTo("Not yet known");
    assertThat(problem.get("type").asText()).isEqualTo("urn:partnership-registry:not-yet-known");
    Instant first = Instant.parse(problem.get("firstRecordedAt").asText());
    assertThat(first).isAfter(Instant.parse("2001-01-01T00:00:00Z")).isBefore(Instant.now());
    assertThat(problem.get("detail").asText())
        .contains("did not yet know a partnership under techhub", "first recorded it at " + first);
    // Asked as known on that moment, it is there.
    assertThat(read("auditor", P + "?asKnownOn=" + first).get("name").asText())
        .isEqualTo("TechHub Utrecht");

    JsonNode nothing =
        as("auditor")
            .get()
            .uri("/api/partnerships/never-registered?asKnownOn=2001-01-01")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(nothing.get("title").asText()).isEqualTo("Not found");
    assertThat(nothing.has("firstRecordedAt")).isFalse();
  }

  @Test
  void what_the_registry_knew_before_the_discontinuation_was_recorded() {
    JsonNode known = read("researcher", P + "?asOf=2014-01-01&asKnownOn=" + beforeDiscontinuation);

    assertThat(known.get("discontinuation").isNull()).isTrue();
  }

  @Test
  void durability_names_the_subsidy_and_what_followed_it() {
    JsonNode durability = read("funder", P + "/durability?asOf=2014-01-01");

    assertThat(durability.get("summary").asText()).isNotBlank();
    JsonNode survived = null;
    for (JsonNode indicator : durability.get("indicators")) {
      if (indicator.get("condition").asText().equals("SURVIVED_SUBSIDY")) {
        survived = indicator;
      }
      assertThat(indicator.get("rule").asText()).isNotBlank();
    }
    assertThat(survived).isNotNull();
    assertThat(survived.get("verdict").asText()).isEqualTo("AT_RISK");
    assertThat(survived.get("supportingFacts").toString()).contains("t8");
  }

  @Test
  void funding_and_commitments_show_what_was_paid_promised_and_delivered() {
    JsonNode funding = read("funder", P + "/funding?asOf=2014-01-01");
    JsonNode year2011 = null;
    for (JsonNode year : funding.get("years")) {
      if (year.get("year").asInt() == 2011) {
        year2011 = year;
      }
    }
    assertThat(year2011).isNotNull();
    assertThat(year2011.get("subsidyShare").decimalValue()).isEqualByComparingTo("1");
    // 300,000 over the 1,096 days of 2010-2012, pro rata: 365 of them in 2011.
    assertThat(year2011.get("total").decimalValue()).isEqualByComparingTo("99908.76");

    JsonNode ledger = read("funder", P + "/commitments?asOf=2014-01-01");
    assertThat(ledger.get("totals").get("fulfilled").asInt()).isEqualTo(1);
    assertThat(ledger.get("totals").get("fulfilmentRate").decimalValue()).isEqualByComparingTo("1");
  }

  @Test
  void the_timeline_is_also_a_csv_table() {
    String csv =
        as("auditor")
            .get()
            .uri(P + "/timeline?afterCommit=" + lastCommit)
            .accept(MediaType.parseMediaType("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("occurredOn,type,factId");
    assertThat(csv.lines().count()).isEqualTo(1 + 8);
    assertThat(csv).contains("2013-06,PartnershipDiscontinued,t8,report.pdf");
  }

  @Test
  void the_registry_lists_and_counts_partnerships_by_phase_on_a_day() {
    JsonNode page = read("researcher", "/api/partnerships?kind=TECHNOHUB&asOf=2011-01-01");

    assertThat(page.get("items").findValuesAsText("partnershipId")).contains("techhub");
    assertThat(page.get("countsByKind").get("TECHNOHUB").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void the_track_record_of_an_employer_spans_its_partnerships() {
    JsonNode record = read("funder", "/api/organisations/acme/track-record");

    assertThat(record.toString()).contains("techhub");
  }

  @Test
  void a_commit_beyond_the_last_stored_is_refused_naming_the_last_one_rather_than_waited_for() {
    long beyond = lastCommit + 100_000;
    as("auditor")
        .get()
        .uri(P + "?afterCommit=" + beyond)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("afterCommit")
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail)
                    .contains(Long.toString(beyond))
                    .contains("the last commit stored is"));
  }

  @Test
  void questions_need_a_reader_and_bad_dates_are_named() {
    anonymous.get().uri(P).exchange().expectStatus().isUnauthorized();
    as("auditor")
        .get()
        .uri(P + "?asOf=2011-13-01")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("asOf");
    as("auditor")
        .get()
        .uri("/api/partnerships?phase=FLOURISHING")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("phase");
    as("auditor").get().uri("/api/partnerships/nobody").exchange().expectStatus().isNotFound();
    as("auditor")
        .get()
        .uri("/api/partnerships/nobody/durability")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void an_unknown_parameter_is_refused_naming_it_and_the_ones_the_address_takes() {
    for (String uri :
        new String[] {
          "/api/partnerships?q=water",
          "/api/partnerships?name=water",
          P + "/durability?asof=2011-01-01",
          "/api/events?from=3",
          "/api/analytics/survival?group=KIND"
        }) {
      String given = uri.substring(uri.indexOf('?') + 1, uri.indexOf('='));
      JsonNode problem =
          as("auditor")
              .get()
              .uri(uri)
              .exchange()
              .expectStatus()
              .isBadRequest()
              .expectHeader()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody(JsonNode.class)
              .returnResult()
              .getResponseBody();
      assertThat(problem.path("field").asText()).as(uri).isEqualTo(given);
      assertThat(problem.path("detail").asText()).as(uri).contains("is not a parameter");
    }
    JsonNode listed =
        as("auditor")
            .get()
            .uri("/api/partnerships?q=water")
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(listed.path("detail").asText()).contains("text", "kind", "asOf", "afterCommit");

    read("auditor", "/api/partnerships?text=tech&kind=TECHNOHUB&asOf=2011-01-01");
    read("auditor", P + "/durability?asOf=2011-01-01&asKnownOn=2030-01-01");
  }

  @Test
  void an_address_the_api_does_not_have_is_a_404_problem_saying_so() {
    for (String uri :
        new String[] {"/api/nonsense", P + "/nonsense", "/api/partnerships/techhub/timeline/x"}) {
      JsonNode problem =
          as("auditor")
              .get()
              .uri(uri)
              .exchange()
              .expectStatus()
              .isNotFound()
              .expectHeader()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody(JsonNode.class)
              .returnResult()
              .getResponseBody();
      assertThat(problem.path("detail").asText())
          .as(uri)
          .contains("no address")
          .doesNotContain("static resource");
    }
    as("auditor")
        .get()
        .uri(P + "/partners")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .valueEquals("Allow", "POST");
  }

  @Test
  void the_audit_and_the_read_models_position_count_in_commits_as_writes_do() {
    JsonNode discontinued = null;
    for (JsonNode recording : read("auditor", P + "/audit").get("trail").get("recordings")) {
      if (recording.get("factId").asText().equals("t8")) {
        discontinued = recording;
      }
    }
    assertThat(discontinued).isNotNull();
    assertThat(discontinued.get("commit").asLong()).isEqualTo(discontinuationCommit);
    assertThat(discontinued.get("indexInCommit").asInt()).isZero();
    assertThat(discontinued.has("position")).isFalse();

    String csv =
        as("auditor")
            .get()
            .uri(P + "/audit?format=csv&afterCommit=" + lastCommit)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "commit,indexInCommit,recordedAt,recordedBy,type,factId,occurredOn,amendedFactId,reason");
    assertThat(csv.lines().filter(line -> line.contains(",PartnershipDiscontinued,t8,2013-06")))
        .singleElement()
        .asString()
        .startsWith(discontinuationCommit + ",0,")
        .contains(",registrar,");

    JsonNode position =
        as("auditor")
            .get()
            .uri("/api/projections/position")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(position.get("lastAppliedCommit").asLong()).isGreaterThanOrEqualTo(lastCommit);
  }

  @Test
  void the_survival_curves_are_a_table_of_steps_by_group() {
    String csv =
        as("researcher")
            .get()
            .uri("/api/analytics/survival?asOf=2014-01-01&format=csv&afterCommit=" + lastCommit)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Content-Disposition", "attachment; filename=\"analytics-survival.csv\"")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "grouping,group,partnerships,discontinued,censored,medianYears,years,atRisk,"
                + "discontinuedAtStep,censoredAtStep,survival");
    assertThat(csv.lines().filter(line -> line.startsWith("overall,"))).isNotEmpty();
    assertThat(csv.lines().filter(line -> line.startsWith("kind,TECHNOHUB,"))).isNotEmpty();
  }

  @Test
  void csv_is_asked_for_in_the_address_too_and_comes_as_a_named_download() {
    for (String[] asked :
        new String[][] {
          {"/api/partnerships?format=csv&kind=TECHNOHUB", "partnerships.csv"},
          {P + "/timeline?format=csv", "partnerships-techhub-timeline.csv"},
          {P + "/durability?format=CSV&asOf=2014-01-01", "partnerships-techhub-durability.csv"}
        }) {
      as("researcher")
          .get()
          .uri(asked[0] + "&afterCommit=" + lastCommit)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .contentTypeCompatibleWith("text/csv")
          .expectHeader()
          .valueEquals("Content-Disposition", "attachment; filename=\"" + asked[1] + "\"");
    }
    as("researcher")
        .get()
        .uri(P + "/funding")
        .accept(MediaType.parseMediaType("text/csv"))
        .exchange()
        .expectHeader()
        .valueEquals(
            "Content-Disposition", "attachment; filename=\"partnerships-techhub-funding.csv\"");
    as("researcher")
        .get()
        .uri(P + "/timeline?format=json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    as("researcher")
        .get()
        .uri(P + "/timeline?format=xls")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("format");
    as("researcher")
        .get()
        .uri(P + "/renewal-dossier?decisionDate=2013-01-01&format=csv")
        .exchange()
        .expectStatus()
        .isEqualTo(406)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.offered[0]")
        .isEqualTo("application/json")
        .jsonPath("$.detail")
        .value(detail -> assertThat(detail.toString()).contains("answers application/json"));
  }

  @Test
  void a_rebuild_from_the_event_store_gives_the_same_answers() {
    JsonNode before = read("auditor", P + "/durability?asOf=2014-01-01&asKnownOn=2030-01-01");
    JsonNode timelineBefore = read("auditor", P + "/timeline?asKnownOn=2030-01-01");

    JsonNode rebuild =
        as("registrar")
            .post()
            .uri("/api/projections/rebuild")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    lastCommit = rebuild.get("headCommit").asLong();

    assertThat(read("auditor", P + "/durability?asOf=2014-01-01&asKnownOn=2030-01-01"))
        .isEqualTo(before);
    assertThat(read("auditor", P + "/timeline?asKnownOn=2030-01-01")).isEqualTo(timelineBefore);
    as("auditor").post().uri("/api/projections/rebuild").exchange().expectStatus().isForbidden();
  }

  @Test
  void the_read_models_lag_is_a_metric() {
    read("auditor", P);

    JsonNode lag = read("auditor", "/actuator/metrics/registry.projections.lag");

    assertThat(lag.get("measurements").get(0).get("value").asDouble()).isZero();
  }

  @Test
  void a_funders_renewal_dossier_shows_the_subsidy_and_what_happened_after_it() {
    // Decided today: as known today, so with everything recorded above.
    JsonNode dossier =
        read(
            "funder",
            P
                + "/renewal-dossier?decisionDate="
                // The day as the registry reads it: in the Netherlands.
                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")));

    JsonNode pilot = dossier.get("subsidies").get(0);
    assertThat(pilot.get("fundingId").asText()).isEqualTo("pilot");
    assertThat(pilot.get("endedOn").asText()).isEqualTo("2012-12-31");
    assertThat(pilot.get("after12Months").asText()).isEqualTo("DISCONTINUED");
    assertThat(dossier.get("partners").findValuesAsText("organisationId")).contains("acme");
    assertThat(dossier.get("durability").get("indicators").size()).isEqualTo(11);
  }

  @Test
  void a_dossier_for_a_decision_before_anything_was_recorded_is_not_found() {
    as("funder")
        .get()
        .uri(P + "/renewal-dossier?decisionDate=2015-03-01&afterCommit=" + lastCommit)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void a_dossier_as_known_before_the_end_was_recorded_does_not_show_it() {
    JsonNode dossier =
        read(
            "funder",
            P + "/renewal-dossier?decisionDate=2015-03-01&asKnownOn=" + beforeDiscontinuation);

    assertThat(dossier.get("phase").asText()).isNotEqualTo("DISCONTINUED");
  }

  @Test
  void survival_curves_count_the_partnership_that_ended() {
    JsonNode survival = read("researcher", "/api/analytics/survival?asOf=2020-01-01");

    assertThat(survival.get("overall").get("discontinued").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(survival.get("byKind").toString()).contains("TECHNOHUB");
  }

  @Test
  void the_audit_shows_who_recorded_what_and_an_intact_hash_chain() {
    JsonNode audit = read("auditor", P + "/audit");

    assertThat(audit.get("hashChain").get("intact").asBoolean()).isTrue();
    assertThat(audit.get("hashChain").get("eventsChecked").asInt()).isEqualTo(8);
    assertThat(audit.get("trail").get("recorders").findValuesAsText("recordedBy"))
        .containsExactly("registrar");
  }

  @Test
  void its_exported_events_verify_by_the_published_rule() throws Exception {
    String export =
        as("funder")
            .get()
            .uri(P + "/events")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    String previous = "0".repeat(64);
    int events = 0;
    for (String line : export.lines().filter(l -> !l.isBlank()).toList()) {
      JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      assertThat(event.get("previousHash").asText()).isEqualTo(previous);
      assertThat(EventApiIT.hash(event, previous)).isEqualTo(event.get("hash").asText());
      previous = event.get("hash").asText();
      events++;
    }
    assertThat(events).isEqualTo(8);
  }
}
