package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The contract of {@code docs/api.md}: every question its tables list answers CSV when asked, with
 * {@code Accept: text/csv} and with {@code ?format=csv}, as a named download with a header row;
 * except the questions listed in {@link #NOT_TABLES} with the reason, which answer 406 naming the
 * formats they offer. A question added to the document must be one or the other. The partner it
 * records to show a formula neutralised stays in a registry of its own (its own context, closed
 * after).
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=always",
      "spring.application.name=registry-csv-contract"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvContractIT {

  /** The questions whose answer is not one table, and why. */
  static final Map<String, String> NOT_TABLES =
      Map.of(
          "/api/partnerships/{id}/renewal-dossier",
          "a dossier of several tables (partners, subsidies, flags, warnings, evidence)",
          "/api/partnerships/{id}/changes",
          "facts before and after, verdicts before and after: two moments side by side",
          "/api/partnerships/{id}/verify",
          "one verification, with its broken links",
          "/api/events/verify",
          "verifications with their broken links, nested per partnership",
          "/api/organisations/{id}",
          "one organisation's profile: names, memberships, mergers and partnerships",
          "/api/projections/position",
          "one position, not a table");

  /**
   * What the placeholders and required parameters are filled with: the demo dataset's STBK, and a
   * decision day by whose end the registry knew it.
   */
  static final Map<String, String> FILLED =
      Map.of(
          "/api/partnerships/{id}",
          "/api/partnerships/stbk",
          "/api/organisations/{id}",
          "/api/organisations/hitecs",
          "decisionDate=",
          "decisionDate=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));

  private static final Pattern QUESTION = Pattern.compile("^\\| `GET (/api[^`\\s]*)`");

  @Autowired WebTestClient anonymous;
  @Autowired MongoEventStorageEngine engine;
  long head;

  WebTestClient researcher() {
    return anonymous
        .mutate()
        .responseTimeout(Duration.ofSeconds(30))
        .filter(basicAuthentication("researcher", "researcher"))
        .build();
  }

  @BeforeAll
  void demo_data_applied() {
    head = engine.head();
    researcher()
        .get()
        .uri("/api/partnerships?afterCommit=" + head)
        .exchange()
        .expectStatus()
        .isOk();
  }

  /** Every {@code GET /api/...} of the document's tables, as written there. */
  static List<String> documentedQuestions() throws IOException {
    List<String> questions = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../docs/api.md"), StandardCharsets.UTF_8)) {
      Matcher question = QUESTION.matcher(line);
      if (question.find() && !question.group(1).contains("...")) {
        questions.add(question.group(1));
      }
    }
    return questions;
  }

  /** The address to ask: placeholders filled, only the parameters a question needs. */
  static String address(String documented) {
    int query = documented.indexOf('?');
    String path = query < 0 ? documented : documented.substring(0, query);
    String template = path;
    for (Map.Entry<String, String> fill : FILLED.entrySet()) {
      if (path.startsWith(fill.getKey())) {
        path = fill.getValue() + path.substring(fill.getKey().length());
      }
    }
    assertThat(path).as("no identifier to fill %s with", template).doesNotContain("{");
    List<String> parameters = new ArrayList<>();
    if (query >= 0) {
      for (String parameter : documented.substring(query + 1).split("&")) {
        if (FILLED.containsKey(parameter)) {
          parameters.add(FILLED.get(parameter));
        }
      }
    }
    return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
  }

  static String template(String documented) {
    int query = documented.indexOf('?');
    return query < 0 ? documented : documented.substring(0, query);
  }

  @Test
  void the_document_lists_the_questions_and_every_exception_is_one_of_them() throws IOException {
    List<String> templates = documentedQuestions().stream().map(CsvContractIT::template).toList();

    assertThat(templates)
        .contains(
            "/api/partnerships",
            "/api/partnerships/{id}",
            "/api/partnerships/{id}/timeline",
            "/api/analytics/survival",
            "/api/organisations/{id}/track-record")
        .containsAll(NOT_TABLES.keySet());
  }

  @Test
  void every_documented_table_answers_csv_asked_by_accept_and_in_the_address() throws IOException {
    List<String> tables = new ArrayList<>();
    for (String documented : documentedQuestions()) {
      if (NOT_TABLES.containsKey(template(documented))) {
        continue;
      }
      String address = address(documented);
      tables.add(address);
      String separator = address.contains("?") ? "&" : "?";
      String byAccept =
          csv(
              address,
              researcher()
                  .get()
                  .uri(address)
                  .accept(MediaType.parseMediaType("text/csv"))
                  .exchange()
                  .expectStatus()
                  .isOk()
                  .expectBody(String.class)
                  .returnResult());
      String byAddress =
          csv(
              address,
              researcher()
                  .get()
                  .uri(address + separator + "format=csv")
                  .exchange()
                  .expectStatus()
                  .isOk()
                  .expectBody(String.class)
                  .returnResult());
      assertThat(byAddress).as(address).isEqualTo(byAccept);
    }
    assertThat(tables).hasSizeGreaterThanOrEqualTo(11);
  }

  private static String csv(String address, EntityExchangeResult<String> answer) {
    assertThat(answer.getResponseHeaders().getContentType())
        .as(address)
        .satisfies(
            type -> assertThat(type.isCompatibleWith(new MediaType("text", "csv"))).isTrue());
    assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .as(address)
        .startsWith("attachment; filename=\"")
        .endsWith(".csv\"");
    String body = answer.getResponseBody();
    assertThat(body).as(address).isNotNull();
    String header = body.lines().findFirst().orElse("");
    assertThat(header).as("the header row of %s", address).matches("[A-Za-z_]+(,[A-Za-z_]+)+");
    return body;
  }

  @Test
  void the_questions_that_are_not_tables_say_which_formats_they_offer() throws IOException {
    for (String documented : documentedQuestions()) {
      if (!NOT_TABLES.containsKey(template(documented))) {
        continue;
      }
      String address = address(documented);
      String separator = address.contains("?") ? "&" : "?";
      for (WebTestClient.RequestHeadersSpec<?> asked :
          List.of(
              researcher().get().uri(address).accept(MediaType.parseMediaType("text/csv")),
              researcher().get().uri(address + separator + "format=csv"))) {
        JsonNode problem =
            asked
                .exchange()
                .expectStatus()
                .isEqualTo(406)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem.get("offered").toString())
            .as(address)
            .contains("application/json")
            .doesNotContain("text/csv");
      }
      researcher().get().uri(address).exchange().expectStatus().isOk();
    }
  }

  @Test
  void a_formula_in_a_recorded_name_is_not_run_by_a_spreadsheet() {
    WebTestClient registrar =
        anonymous.mutate().filter(basicAuthentication("registrar", "registrar")).build();
    String source = "\"source\":{\"document\":\"csv-contract.pdf\",\"passage\":\"p. 1\"}";
    registrar
        .post()
        .uri("/api/organisations")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"organisationId\":\"formula-bv\",\"factId\":\"formula-bv-registered\","
                + "\"occurredOn\":\"2000\",\"name\":\"=HYPERLINK(\\\"http://example.org\\\")\","
                + "\"organisationType\":\"EMPLOYER\","
                + source
                + "}")
        .exchange()
        .expectStatus()
        .is2xxSuccessful();
    long commit =
        registrar
            .post()
            .uri("/api/partnerships/stbk/partners")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"factId\":\"stbk-partner-formula-bv\",\"occurredOn\":\"2005\","
                    + "\"organisationId\":\"formula-bv\",\"role\":\"MEMBER\","
                    + source
                    + "}")
            .exchange()
            .expectStatus()
            .is2xxSuccessful()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("commits")
            .get(0)
            .asLong();

    String csv =
        researcher()
            .get()
            .uri("/api/partnerships/stbk?asOf=2006&format=csv&afterCommit=" + commit)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("organisationId,name,type,schoolLevel,role,since,groupId,groupName,facts");
    assertThat(csv)
        .contains("formula-bv,\"'=HYPERLINK(\"\"http://example.org\"\")\",EMPLOYER,,MEMBER,2005")
        .contains("hitecs,");
  }
}
