package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * People at work on the registry's lists and records, in a browser on the demo data: a researcher
 * narrows the registry by region and sector, sorts it by a column and pages through it; an auditor
 * sees every partnership's hash chain verified and who recorded STBK's latest fact; a registrar
 * uploads a small import and reads which line was refused and why; an auditor, a researcher and a
 * funder find no import form, are told in words that it is not for them, and a post to it is
 * refused. Each new page passes axe-core and leaves a screenshot in {@code target/screenshots}.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryAndAuditIT extends BrowserJourney {

  static final String STBK = "Stork Technische Bedrijfskunde (STBK)";
  static final String LIST = "Partnerships, by name, as they stand today";

  @Test
  void a_researcher_narrows_the_registry_by_region_and_sector_sorts_it_and_pages_through_it()
      throws IOException {
    signIn("researcher");
    assertThat(browser.text()).contains("27 partnerships found", "Showing 1–25 of 27");
    assertThat(browser.table(LIST)).hasSize(25);
    assertThat(browser.ariaSort(LIST, "Name")).isEqualTo("ascending");
    assertThat(browser.ariaSort(LIST, "Start")).isNull();

    browser.press("2");
    assertThat(browser.text()).contains("27 partnerships found", "Showing 26–27 of 27");
    assertThat(browser.table(LIST)).hasSize(2);
    browser.press("Previous page");
    assertThat(browser.text()).contains("Showing 1–25 of 27");

    browser.choose("Region", "Amersfoort (2)").press("Show partnerships");
    assertThat(browser.text()).contains("2 partnerships found", "Showing 1–2 of 2");
    assertThat(browser.table(LIST))
        .extracting(row -> row.get(0))
        .containsExactly(
            "Arbeids- en Trainingscentrum (ATC) Amersfoort", "Leerhotel Het Klooster, Amersfoort");
    browser.choose("Sector", "hospitality (horeca) (1)").press("Show partnerships");
    assertThat(browser.text()).contains("1 partnership found");
    assertThat(browser.table(LIST))
        .extracting(row -> row.get(0))
        .containsExactly("Leerhotel Het Klooster, Amersfoort");
    assertThat(browser.row(LIST, "Leerhotel Het Klooster, Amersfoort"))
        .contains("Amersfoort", "hospitality (horeca)");

    String csv = browser.fetch("/registry/partnerships.csv?region=Amersfoort");
    assertThat(csv).isEqualTo("200 " + apiCsv("/api/partnerships?region=Amersfoort&size=200"));
    assertThat(csv.lines()).hasSize(3);
    assertThat(browser.fetch("/registry/partnerships.csv?sort=start&order=desc"))
        .as("the download holds every page")
        .isEqualTo("200 " + apiCsv("/api/partnerships?sort=start&order=desc&size=200"))
        .satisfies(all -> assertThat(all.lines()).hasSize(28));

    browser.open("/registry");
    assertThat(browser.table(LIST).get(0).get(0))
        .isEqualTo("Arbeids- en Trainingscentrum (ATC) Amersfoort");
    browser.press("Start");
    String earliestFirst = "Partnerships, by start, earliest first, as they stand today";
    assertThat(browser.table(earliestFirst).get(0))
        .containsSubsequence("Douai Business School", "Other", "Discontinued");
    assertThat(browser.table(earliestFirst).get(0)).contains("1991");
    assertThat(browser.ariaSort(earliestFirst, "Start")).isEqualTo("ascending");
    assertThat(browser.ariaSort(earliestFirst, "Name")).isNull();
    browser.press("Start");
    String latestFirst = "Partnerships, by start, latest first, as they stand today";
    assertThat(browser.ariaSort(latestFirst, "Start")).isEqualTo("descending");
    // The latest dated start; those known only to exist by a date come after every dated one.
    assertThat(browser.table(latestFirst).get(0))
        .containsSubsequence("Associate degree Engineering, Fontys Venlo", "February 2018");
    assertThat(browser.table(latestFirst).get(24).get(4)).startsWith("existing by");
    browser.assertAccessible();
    browser.screenshot("registry-sorted-en");

    browser.press("Active partners");
    String fewestFirst =
        "Partnerships, by number of active partners, fewest first, as they stand today";
    List<List<String>> rows = browser.table(fewestFirst);
    assertThat(Integer.parseInt(rows.get(0).get(7)))
        .isLessThanOrEqualTo(Integer.parseInt(rows.get(rows.size() - 1).get(7)));

    browser.open("/registry?asOf=2005-06-01&asKnownOn=2099-12-31");
    assertThat(browser.text()).contains("As of 1 June 2005");
    assertThat(
            browser.row(
                "Partnerships, by name, as of 1 June 2005, as known on 31 December 2099, 23:59",
                STBK))
        .containsSubsequence(STBK, "Dual programme", "Unknown", "", "2001");
    assertThat(browser.text()).doesNotContain("27 partnerships found");
  }

  @Test
  void a_researcher_searches_by_part_of_a_word_sees_the_best_match_first_then_sorts_by_name()
      throws IOException {
    signIn("researcher");
    browser.fillIn("Search", "luchtvaart").press("Show partnerships");
    String ranked = "Partnerships, by best match, as they stand today";
    assertThat(browser.table(ranked).get(0).get(0)).isEqualTo("Luchtvaartcollege Schiphol");
    assertThat(browser.ariaSort(ranked, "Name")).isNull();
    browser.assertAccessible();

    browser.press("Name");
    assertThat(browser.ariaSort(LIST, "Name")).isEqualTo("ascending");
    assertThat(browser.path()).isEqualTo("/registry?text=luchtvaart&sort=name");
    browser.fillIn("Search", "HÌTÉCS").press("Show partnerships");
    assertThat(browser.text()).contains("1 partnership found");
    assertThat(browser.row(LIST, STBK)).containsSubsequence(STBK, "Dual programme");

    browser.open("/registry?sector=water");
    assertThat(browser.text()).contains("2 partnerships found");
  }

  @Test
  void an_auditor_sees_every_hash_chain_intact_and_who_recorded_the_latest_fact()
      throws IOException {
    long commit =
        record(
                "/api/partnerships/stbk/evaluations",
                "{\"factId\":\"stbk-evaluation-audit-page\",\"occurredOn\":\"2007-03\","
                    + "\"evaluator\":\"Sector audit\",\"summary\":\"Two cohorts a year\","
                    + "\"findings\":[\"intake held up\"],"
                    + "\"source\":{\"document\":\"audit-2007.pdf\",\"passage\":\"section 2\"}}")
            .get("commits")
            .get(0)
            .asLong();

    signIn("auditor");
    assertThat(browser.navigation()).contains("Partnerships", "Audit").doesNotContain("Import");
    browser.press("Audit");
    assertThat(browser.heading()).isEqualTo("Audit");
    assertThat(browser.text()).doesNotContain("Intact: the hash chains");
    assertThat(
            browser.table(
                "Each partnership, with its audit: who recorded what, and its own hash chain"
                    + " checked"))
        .hasSize(27);
    browser.press("Check every hash chain");
    assertThat(browser.path()).isEqualTo("/audit?verify=all");
    assertThat(browser.text())
        .contains("Intact: the hash chains of all 27 partnerships are unbroken.");
    String chains =
        "Each partnership's hash chain, in the order the partnerships were first stored";
    assertThat(browser.table(chains)).hasSize(27);
    assertThat(browser.row(chains, STBK)).last().isEqualTo("intact");
    assertThat(browser.fetch("/audit/events.ndjson")).startsWith("200 {\"commit\":0,");
    browser.assertAccessible();
    browser.screenshot("audit-all-en");

    browser.press(STBK);
    assertThat(browser.path()).isEqualTo("/audit/stbk");
    assertThat(browser.heading()).isEqualTo("Audit of " + STBK);
    assertThat(browser.text())
        .containsPattern("Intact: \\d+ events checked, no broken link\\.")
        .containsPattern(
            "Evaluation recorded \\(stbk-evaluation-audit-page\\), recorded on \\d{1,2} \\w+"
                + " \\d{4}, \\d\\d:\\d\\d by registrar");
    assertThat(browser.row("Who recorded", "registrar")).hasSize(6);
    List<List<String>> recordings =
        browser.table("What was recorded, in the order it was recorded");
    assertThat(recordings.get(recordings.size() - 1))
        .contains(
            "registrar",
            "Evaluation recorded stbk-evaluation-audit-page",
            "March 2007",
            Long.toString(commit));
    assertThat(browser.fetch("/audit/stbk/events.ndjson"))
        .startsWith("200 {\"commit\":")
        .contains("\"aggregateIdentifier\":\"stbk\"");
    assertThat(browser.fetch("/audit/stbk/timeline.csv"))
        .startsWith("200 occurredOn,type,factId")
        .contains("stbk-evaluation-audit-page");
    browser.assertAccessible();
    browser.screenshot("audit-en");

    browser.press("Nederlands");
    assertThat(browser.heading()).isEqualTo("Audit van " + STBK);
    assertThat(browser.text())
        .containsPattern("Intact: \\d+ gebeurtenissen gecontroleerd, geen gebroken schakel\\.")
        .contains(
            "Laatst vastgelegd",
            "Evaluatie vastgelegd (stbk-evaluation-audit-page), vastgelegd op",
            "door registrar");
    browser.assertAccessible();
    browser.screenshot("audit-nl");
  }

  @Test
  void a_registrar_imports_a_file_and_reads_which_line_was_refused_and_why() throws IOException {
    Path file = Files.createTempFile("import", ".jsonl");
    Files.writeString(
        file,
        "{\"type\":\"RecordEvaluation\",\"partnershipId\":\"stbk\","
            + "\"factId\":\"stbk-evaluation-import-page\",\"occurredOn\":\"2006-09\","
            + "\"evaluator\":\"Programme board\",\"summary\":\"A third cohort started\","
            + "\"findings\":[\"twelve participants\"],"
            + "\"source\":{\"document\":\"board-2006.pdf\",\"passage\":\"p. 4\"}}\n"
            + "{\"type\":\"RecordEvaluation\",\"partnershipId\":\"stbk\","
            + "\"factId\":\"stbk-evaluation-before-start\",\"occurredOn\":\"1999\","
            + "\"evaluator\":\"Programme board\",\"summary\":\"Before it began\","
            + "\"findings\":[],"
            + "\"source\":{\"document\":\"board-1999.pdf\",\"passage\":\"p. 1\"}}\n",
        StandardCharsets.UTF_8);
    try {
      signIn("registrar");
      assertThat(browser.navigation()).contains("Audit", "Import");
      browser.press("Import");
      assertThat(browser.heading()).isEqualTo("Import facts");
      browser.assertAccessible();
      browser.screenshot("import-en");

      browser.press("Import the file");
      assertThat(browser.text()).contains("There is a problem", "Choose a file to import.");

      browser.attach("A JSON Lines file", file).press("Import the file");
      assertThat(browser.heading()).isEqualTo("What the import did");
      assertThat(browser.text())
          .contains(
              "1 line was refused; the other lines were recorded.",
              "Lines read\n2",
              "Recorded\n1",
              "Refused\n1");
      List<String> refused = browser.row("Refused lines", "2");
      assertThat(refused.get(1)).isEqualTo("RecordEvaluation");
      assertThat(refused.get(2)).contains("Rule: ");
      assertThat(browser.table("Refused lines")).hasSize(1);
      browser.assertAccessible();
      browser.screenshot("import-report-en");
    } finally {
      Files.deleteIfExists(file);
    }
    assertThat(timelineOfStbk())
        .contains("stbk-evaluation-import-page")
        .doesNotContain("stbk-evaluation-before-start");
  }

  @Test
  void an_auditor_a_researcher_and_a_funder_cannot_reach_the_import_form() throws IOException {
    for (String reader : List.of("auditor", "researcher", "funder")) {
      browser.forget();
      signIn(reader);
      assertThat(browser.navigation())
          .as(reader + "'s navigation")
          .contains("Partnerships", "Audit", "Signed in as " + reader)
          .doesNotContain("Import");

      browser.open("/import");
      assertThat(browser.path()).as(reader).isEqualTo("/not-allowed");
      assertThat(browser.heading()).isEqualTo("You may not see this page");
      assertThat(browser.text()).contains("only a registrar records facts");

      String posted =
          browser.postFile(
              "/import",
              "refused.jsonl",
              "{\"type\":\"RecordEvaluation\",\"partnershipId\":\"stbk\","
                  + "\"factId\":\"stbk-evaluation-by-"
                  + reader
                  + "\",\"occurredOn\":\"2006\",\"evaluator\":\"x\",\"summary\":\"x\","
                  + "\"findings\":[],\"source\":{\"document\":\"x\",\"passage\":\"x\"}}\n");
      assertThat(posted).as(reader + " posting an import").isEqualTo("403 /not-allowed");
      if (reader.equals("funder")) {
        browser.assertAccessible();
        browser.screenshot("not-allowed-en");
      }
    }
    assertThat(timelineOfStbk()).doesNotContain("stbk-evaluation-by-");
  }

  @Test
  void the_json_api_sorts_counts_and_verifies_every_chain_as_the_pages_show_it() {
    JsonNode sorted = apiJson("/api/partnerships?sort=start&order=desc&size=3");
    assertThat(sorted.get("items").get(0).get("name").asText())
        .isEqualTo("Associate degree Engineering, Fontys Venlo");
    assertThat(sorted.get("total").asInt()).isEqualTo(27);
    assertThat(sorted.get("countsByRegion").get("Amersfoort").asInt()).isEqualTo(2);
    assertThat(sorted.get("countsBySector").get("hospitality (horeca)").asInt()).isEqualTo(1);
    assertThat(
            apiJson("/api/partnerships?sort=active-partners&order=desc&size=1")
                .get("items")
                .get(0)
                .get("name")
                .asText())
        .isEqualTo("Automotive Centre of Expertise (ACE)");
    DemoData.api(anonymous, "researcher")
        .get()
        .uri("/api/partnerships?order=sideways")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("order");

    JsonNode chains = apiJson("/api/events/verify");
    assertThat(chains.get("intact").asBoolean()).isTrue();
    assertThat(chains.get("partnerships").asInt()).isEqualTo(27);
    assertThat(chains.get("broken").asInt()).isZero();
    assertThat(chains.get("verifications"))
        .anySatisfy(
            v -> {
              assertThat(v.get("aggregateIdentifier").asText()).isEqualTo("stbk");
              assertThat(v.get("intact").asBoolean()).isTrue();
            });
  }

  JsonNode apiJson(String path) {
    return DemoData.api(anonymous, "auditor")
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  /** The JSON API's CSV, its line ends as the browser hands a fetched text to the test. */
  String apiCsv(String path) {
    return DemoData.api(anonymous, "researcher")
        .get()
        .uri(path)
        .accept(MediaType.parseMediaType("text/csv"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody()
        .replace("\r\n", "\n");
  }

  String timelineOfStbk() {
    return DemoData.api(anonymous, "researcher")
        .get()
        .uri("/api/partnerships/stbk/timeline?afterCommit=" + engine.head())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
