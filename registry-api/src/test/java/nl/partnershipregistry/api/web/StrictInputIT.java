package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.partnershipregistry.api.importing.ImportReport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the registry accepts as input, as a client sees it: text that is valid Unicode, amounts kept
 * to the cent and refused beyond, values of the kind their field holds, each field once, one size
 * limit answered with 413, and refusals in words that name the field and nothing of Java or
 * Jackson. Nothing refused is stored, and the hash chain stays intact.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=never",
      "registry.import.max-size=3MB"
    })
@ExtendWith(OutputCaptureExtension.class)
class StrictInputIT {

  static final String SOURCE = "\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 1\"}";

  /** What a refusal must never show: the insides of the registry. */
  static final List<String> INTERNALS =
      List.of(
          "java.",
          "com.fasterxml",
          "Jackson",
          "jackson",
          "ArrayList",
          "StreamReadConstraints",
          "neither a decimal digit",
          "Exception",
          "nl.partnershipregistry",
          "`",
          "Cannot deserialize",
          "Cannot construct",
          "Cannot coerce",
          "BigDecimal",
          "Integer",
          "String value",
          "LinkedHashMap",
          "ObjectNode");

  static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]");

  @Autowired WebTestClient anonymous;
  @Autowired EventStore events;
  final ObjectMapper json = new ObjectMapper();

  WebTestClient registrar() {
    return anonymous.mutate().filter(basicAuthentication("registrar", "registrar")).build();
  }

  WebTestClient.ResponseSpec post(String path, byte[] body) {
    return registrar()
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  WebTestClient.ResponseSpec post(String path, String body) {
    return post(path, body.getBytes(StandardCharsets.UTF_8));
  }

  WebTestClient.ResponseSpec importing(byte[] file) {
    return registrar()
        .post()
        .uri("/api/import")
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .bodyValue(file)
        .exchange();
  }

  ImportReport importReport(String file) {
    return importing(file.getBytes(StandardCharsets.UTF_8))
        .expectBody(ImportReport.class)
        .returnResult()
        .getResponseBody();
  }

  static String partnership(String id) {
    return "{\"partnershipId\":\""
        + id
        + "\",\"factId\":\""
        + id
        + "-registered\",\"occurredOn\":\"2001\",\"name\":\"STBK\",\"kind\":\"DUAL_TRAJECTORY\","
        + SOURCE
        + "}";
  }

  static String evaluation(String factId, String summaryJson) {
    return "{\"factId\":\""
        + factId
        + "\",\"occurredOn\":\"2010\",\"evaluator\":\"Inspectie\",\"summary\":"
        + summaryJson
        + ",\"findings\":[\"kept\"],"
        + SOURCE
        + "}";
  }

  static String funding(String factId, String amountJson) {
    return "{\"factId\":\""
        + factId
        + "\",\"occurredOn\":\"2003\",\"fundingId\":\""
        + factId
        + "\",\"fundingType\":\"SUBSIDY\",\"instrument\":\"EFRO\",\"funder\":\"EFRO\","
        + "\"amount\":"
        + amountJson
        + ",\"period\":{\"from\":\"2003\",\"until\":\"2003\"},"
        + SOURCE
        + "}";
  }

  static String cohort(String factId, String participantsJson) {
    return "{\"factId\":\""
        + factId
        + "\",\"occurredOn\":\"2004\",\"cohortId\":\""
        + factId
        + "\",\"label\":\"intake 2004\",\"participants\":"
        + participantsJson
        + ",\"approximate\":false,"
        + SOURCE
        + "}";
  }

  void register(String id) {
    post("/api/partnerships", partnership(id)).expectStatus().isCreated();
  }

  long stored(String id) {
    return events.readEvents(id).asStream().count();
  }

  JsonNode refused(WebTestClient.ResponseSpec response, int status) throws Exception {
    EntityExchangeResult<byte[]> result =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult();
    JsonNode problem = json.readTree(result.getResponseBody());
    assertShowsNoInternals(problem.path("detail").asText());
    return problem;
  }

  static void assertShowsNoInternals(String text) {
    assertThat(text).as("a refusal's text").doesNotContain(INTERNALS);
    assertThat(CLASS_NAME.matcher(text).find()).as("a class name in '%s'", text).isFalse();
  }

  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(
          part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void a_correction_whose_replacement_lacks_a_field_is_refused_naming_it_and_one_complete_is_kept()
      throws Exception {
    register("fix-1");
    String replacement =
        "{\"type\":\"PartnershipRegistered\",\"factId\":\"fix-1-registered\","
            + "\"occurredOn\":\"2002\",\"name\":\"STBK\",\"kind\":\"DUAL_TRAJECTORY\","
            + SOURCE
            + "}";
    String correction =
        "{\"factId\":\"fix-1-c\",\"correctedFactId\":\"fix-1-registered\","
            + "\"reason\":\"The founding year is 2002\",\"replacement\":"
            + replacement
            + ","
            + SOURCE
            + "}";

    String[][] missing = {
      {"\"occurredOn\":\"2002\",", "replacement.occurredOn"},
      {"\"name\":\"STBK\",", "replacement.name"},
      {"\"kind\":\"DUAL_TRAJECTORY\",", "replacement.kind"},
    };
    for (String[] field : missing) {
      String lacking = correction.replace(replacement, replacement.replace(field[0], ""));
      JsonNode problem = refused(post("/api/partnerships/fix-1/corrections", lacking), 400);
      assertThat(problem.path("field").asText()).as(field[1]).isEqualTo(field[1]);
      assertThat(problem.path("detail").asText()).contains(field[1], "required");
    }
    JsonNode blankName =
        refused(
            post(
                "/api/partnerships/fix-1/corrections",
                correction.replace("\"name\":\"STBK\"", "\"name\":\"  \"")),
            400);
    assertThat(blankName.path("field").asText()).isEqualTo("replacement.name");
    assertThat(stored("fix-1")).isEqualTo(1);

    post("/api/partnerships/fix-1/corrections", correction).expectStatus().isAccepted();
    assertThat(stored("fix-1")).isEqualTo(2);
  }

  @Test
  void half_a_surrogate_pair_is_refused_naming_the_field_and_the_hash_chain_stays_intact()
      throws Exception {
    register("uni-1");

    JsonNode problem =
        refused(post("/api/partnerships/uni-1/evaluations", evaluation("e1", "\"\\ud800\"")), 400);
    assertThat(problem.path("field").asText()).isEqualTo("summary");
    JsonNode inAList =
        refused(
            post(
                "/api/partnerships/uni-1/evaluations",
                evaluation("e2", "\"fine\"").replace("[\"kept\"]", "[\"kept\",\"x\\udc00\"]")),
            400);
    assertThat(inAList.path("field").asText()).isEqualTo("findings.1");
    post("/api/partnerships/uni-1/evaluations", evaluation("e3", "\"\\ud83d\\ude42 kept\""))
        .expectStatus()
        .isAccepted();

    assertThat(stored("uni-1")).isEqualTo(2);
    registrar()
        .get()
        .uri("/api/partnerships/uni-1/verify")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.intact")
        .isEqualTo(true)
        .jsonPath("$.brokenLinks")
        .isEmpty();
  }

  @Test
  void an_organisation_name_with_half_a_surrogate_pair_is_a_rejected_import_line() {
    ImportReport report =
        importReport(
            "{\"type\":\"RegisterOrganisation\",\"organisationId\":\"uni-org\",\"factId\":\"o1\","
                + "\"occurredOn\":\"1990\",\"name\":\"HiTecs \\ud800\","
                + "\"organisationType\":\"EMPLOYER\","
                + SOURCE
                + "}\n");

    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.rejections().get(0).line()).isEqualTo(1);
    assertThat(report.rejections().get(0).field()).isEqualTo("name");
    assertThat(report.rejections().get(0).status()).isEqualTo(400);
    assertThat(stored("uni-org")).isZero();
  }

  @Test
  void bytes_that_are_not_utf8_are_refused_naming_the_field_not_replaced() throws Exception {
    register("utf-1");
    byte[][] notUtf8 = {
      {(byte) 0xC3, (byte) 0x28}, // a cut-off two-byte sequence
      {(byte) 0xC0, (byte) 0xAF}, // an overlong '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
      {(byte) 0xFF}
    };
    for (byte[] bad : notUtf8) {
      byte[] body =
          bytes(
              "{\"factId\":\"u1\",\"occurredOn\":\"2010\",\"evaluator\":\"Inspectie\","
                  + "\"summary\":\"before ",
              bad,
              " after\",\"findings\":[]," + SOURCE + "}");
      JsonNode problem = refused(post("/api/partnerships/utf-1/evaluations", body), 400);
      assertThat(problem.path("field").asText()).isEqualTo("summary");
      assertThat(problem.path("detail").asText()).contains("UTF-8");
    }
    assertThat(stored("utf-1")).isEqualTo(1);

    byte[] file =
        bytes(
            "{\"type\":\"RegisterOrganisation\",\"organisationId\":\"utf-org\",\"factId\":\"o1\","
                + "\"occurredOn\":\"1990\",\"name\":\"HiTecs ",
            notUtf8[0],
            "\",\"organisationType\":\"EMPLOYER\"," + SOURCE + "}\n");
    ImportReport report =
        importing(file).expectBody(ImportReport.class).returnResult().getResponseBody();
    assertThat(report.rejections()).hasSize(1);
    assertThat(report.rejections().get(0).line()).isEqualTo(1);
    assertThat(report.rejections().get(0).field()).isEqualTo("name");
    assertThat(stored("utf-org")).isZero();
  }

  @Test
  void amounts_are_kept_to_the_cent_end_to_end_and_refused_rather_than_rounded_beyond()
      throws Exception {
    register("money-1");

    String receipt =
        post("/api/partnerships/money-1/funding", funding("f1", "1234567890123.45"))
            .expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    long commit = json.readTree(receipt).path("commits").get(0).asLong();

    String stored =
        registrar()
            .get()
            .uri("/api/partnerships/money-1/events")
            .accept(MediaType.parseMediaType("application/x-ndjson"))
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(stored).contains("1234567890123.45");
    String state =
        registrar()
            .get()
            .uri("/api/partnerships/money-1?asOf=2003-06-01&afterCommit=" + commit)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(state).contains("1234567890123.45").doesNotContain("E+");
    String csv =
        registrar()
            .get()
            .uri("/api/partnerships/money-1/funding?afterCommit=" + commit)
            .accept(MediaType.parseMediaType("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv).contains("1234567890123.45");

    for (String amount :
        new String[] {"1234567890.123456789", "1e-400", "0.001", "1e400", "12345678901234"}) {
      JsonNode problem =
          refused(post("/api/partnerships/money-1/funding", funding("f2", amount)), 400);
      assertThat(problem.path("field").asText()).as(amount).isEqualTo("amount");
    }
    String commitment =
        "{\"factId\":\"c1\",\"occurredOn\":\"2003\",\"commitmentId\":\"c1\","
            + "\"organisationId\":\"nobody\",\"commitmentType\":\"MENTORS\","
            + "\"quantity\":{\"amount\":0.125,\"unit\":\"HOURS\"},"
            + "\"period\":{\"from\":\"2003\"},"
            + SOURCE
            + "}";
    JsonNode quantity = refused(post("/api/partnerships/money-1/commitments", commitment), 400);
    assertThat(quantity.path("field").asText()).isEqualTo("quantity.amount");
    assertThat(stored("money-1")).isEqualTo(2);
  }

  @Test
  void values_of_another_kind_are_refused_not_coerced() throws Exception {
    register("kind-1");
    String[][] cases = {
      {"/funding", funding("k1", "\"1\""), "amount"},
      {"/cohorts", cohort("k2", "\"5\""), "participants"},
      {"/cohorts", cohort("k3", "5.0"), "participants"},
      {"/cohorts", cohort("k4", "5").replace("false", "\"false\""), "approximate"},
      {"/cohorts", cohort("k5", "5").replace("false", "0"), "approximate"},
      {"/cohorts", cohort("k6", "5").replace("\"2004\"", "2004"), "occurredOn"},
      {
        "/cohorts",
        cohort("k7", "5").replace("\"2004\"", "\"\u0662\u0660\u0660\u0664\""),
        "occurredOn"
      },
      {"/cohorts", cohort("k8", "5").replace("\"intake 2004\"", "42"), "label"},
      {"/cohorts", cohort("k9", "5").replace("\"intake 2004\"", "[\"a\"]"), "label"},
      {"/evaluations", evaluation("k10", "\"s\"").replace("[\"kept\"]", "\"kept\""), "findings"},
      {"/cohorts", cohort("k:11", "5"), "factId"},
      {
        "/cohorts",
        cohort("k12", "5").replace("\"k12\",\"label\"", "\"k:12\",\"label\""),
        "cohortId"
      }
    };
    for (String[] c : cases) {
      JsonNode problem = refused(post("/api/partnerships/kind-1" + c[0], c[1]), 400);
      assertThat(problem.path("field").asText()).as(c[1]).isEqualTo(c[2]);
    }
    JsonNode colon = refused(post("/api/partnerships", partnership("kvk:1")), 400);
    assertThat(colon.path("field").asText()).isEqualTo("partnershipId");
    assertThat(colon.path("detail").asText()).contains("letters, digits, '.', '_' or '-'");
    assertThat(stored("kind-1")).isEqualTo(1);
  }

  @Test
  void a_page_or_size_that_is_not_a_whole_number_is_refused_naming_it() throws Exception {
    String[][] cases = {
      {"/api/partnerships?page=abc", "page", "'abc'"},
      {"/api/partnerships?text=water&size=1.5", "size", "'1.5'"},
      {"/api/organisations?size=ten", "size", "'ten'"}
    };
    for (String[] c : cases) {
      JsonNode problem =
          refused(
              anonymous
                  .mutate()
                  .filter(basicAuthentication("funder", "funder"))
                  .build()
                  .get()
                  .uri(c[0])
                  .exchange(),
              400);
      assertThat(problem.path("field").asText()).as(c[0]).isEqualTo(c[1]);
      assertThat(problem.path("detail").asText()).as(c[0]).contains("whole number").contains(c[2]);
    }
  }

  @Test
  void a_field_given_twice_is_refused_rather_than_the_last_one_winning() throws Exception {
    register("dup-1");
    String twice = cohort("d1", "5").replace("\"label\":", "\"label\":\"first\",\"label\":");

    JsonNode problem = refused(post("/api/partnerships/dup-1/cohorts", twice), 400);
    assertThat(problem.path("field").asText()).isEqualTo("label");
    assertThat(problem.path("detail").asText()).contains("twice");
    JsonNode nested =
        refused(
            post(
                "/api/partnerships/dup-1/cohorts",
                cohort("d2", "5").replace("\"passage\":", "\"document\":\"b\",\"passage\":")),
            400);
    assertThat(nested.path("field").asText()).isEqualTo("source.document");

    ImportReport report =
        importReport(
            "{\"type\":\"EnrolCohort\",\"partnershipId\":\"dup-1\"," + twice.substring(1) + "\n");
    assertThat(report.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(1);
              assertThat(r.field()).isEqualTo("label");
            });
    assertThat(stored("dup-1")).isEqualTo(1);
  }

  @Test
  void one_size_limit_for_a_command_answered_with_413_however_it_comes(CapturedOutput output)
      throws Exception {
    register("size-1");
    // Over a million characters but within the limit of 1 MiB: read, not refused for its size.
    String padded = cohort("s1", "5").replace(",\"label\"", " ".repeat(1_040_000) + ",\"label\"");
    post("/api/partnerships/size-1/cohorts", padded).expectStatus().isAccepted();

    String over = cohort("s2", "5").replace(",\"label\"", " ".repeat(1_048_576) + ",\"label\"");
    refused(post("/api/partnerships/size-1/cohorts", over), 413);

    String line =
        "{\"type\":\"EnrolCohort\",\"partnershipId\":\"size-1\"," + over.substring(1) + "\n";
    String small =
        "{\"type\":\"EnrolCohort\",\"partnershipId\":\"size-1\","
            + cohort("s3", "5").substring(1)
            + "\n";
    ImportReport report = importReport(line + small);
    assertThat(report.lines()).isEqualTo(2);
    assertThat(report.applied()).isEqualTo(1);
    assertThat(report.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(1);
              assertThat(r.status()).isEqualTo(413);
              assertShowsNoInternals(r.problem());
            });
    assertThat(stored("size-1")).isEqualTo(3);
    assertThat(output.getAll())
        .doesNotContain("IllegalReferenceCountException")
        .doesNotContain("DataBufferLimitException");
  }

  @Test
  void an_import_over_its_size_limit_is_413_and_stores_nothing() throws Exception {
    String line =
        "{\"type\":\"RegisterPartnership\",\"partnershipId\":\"big-1\",\"factId\":\"r\","
            + "\"occurredOn\":\"2001\",\"name\":\"Big\",\"kind\":\"DUAL_TRAJECTORY\","
            + SOURCE
            + "}\n";
    byte[] file = (line + " ".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);

    JsonNode problem = refused(importing(file), 413);
    assertThat(problem.path("detail").asText()).contains("registry.import.max-size");
    assertThat(stored("big-1")).isZero();
  }

  @Test
  void a_file_of_many_bad_lines_gets_a_report_of_bounded_size_with_exact_counts() {
    String bad = "{\"type\":\"PlantTree\",\"partnershipId\":\"x\"}\n";

    ImportReport report = importReport(bad.repeat(1_500));

    assertThat(report.lines()).isEqualTo(1_500);
    assertThat(report.rejected()).isEqualTo(1_500);
    assertThat(report.rejections()).hasSize(ImportReport.LISTED_AT_MOST);
    assertThat(report.rejections().get(0).line()).isEqualTo(1);
    assertThat(report.rejections().get(999).line()).isEqualTo(1_000);
    assertThat(report.rejectionsNotListed()).isEqualTo(500);
  }

  @Test
  void malformed_input_is_refused_in_words_without_internals() throws Exception {
    register("words-1");
    List<String> bodies = new ArrayList<>();
    String cohort = cohort("w1", "5");
    bodies.add(cohort.replace("5,", "\"Infinity\","));
    bodies.add(cohort.replace("5,", "NaN,"));
    bodies.add(cohort.replace("5,", "05,"));
    bodies.add(cohort.replace("5,", "1e99999,"));
    bodies.add(cohort.replace("5,", "9".repeat(1_200) + ","));
    bodies.add(cohort.replace("5,", "{},"));
    bodies.add(cohort.replace("5,", "[5],"));
    bodies.add(cohort.replace("\"intake 2004\"", "{\"a\":1}"));
    bodies.add(cohort.replace("\"intake 2004\"", "[]"));
    bodies.add(cohort.replace("\"2004\"", "\"Infinity\""));
    bodies.add(cohort.replace("\"2004\"", "[2004]"));
    bodies.add(cohort.replace("\"2004\"", "\"2004-02-30\""));
    bodies.add(cohort.replace("{\"document\"", "[{\"document\""));
    bodies.add(cohort.replace("{\"document\"", "\"seed\",\"x\":{\"document\""));
    bodies.add(cohort.replace("\"seed.txt\"", "null"));
    bodies.add(cohort.replace("\"cohortId\"", "\"cohortId\":null,\"x\""));
    bodies.add(cohort.replace("\"w1\",\"label\"", "7,\"label\""));
    bodies.add(cohort.replace("\"factId\"", "\"recorded\":{\"by\":\"me\"},\"factId\""));
    bodies.add(cohort.substring(0, cohort.length() / 2));
    bodies.add(cohort + "x");
    bodies.add(cohort + "{}");
    bodies.add("[" + cohort + "]");
    bodies.add("\"text\"");
    bodies.add("[".repeat(3_000) + "]".repeat(3_000));
    bodies.add("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));
    bodies.add("{'factId':'w1'}");
    bodies.add("{\"factId\":\"w1\",}");
    bodies.add("\uFEFF" + cohort);
    bodies.add(cohort.replace("\"approximate\":false", "\"approximate\":True"));
    for (String body : bodies) {
      refused(post("/api/partnerships/words-1/cohorts", body), 400);
    }
    String correction =
        "{\"factId\":\"w9\",\"correctedFactId\":\"words-1-registered\","
            + "\"reason\":\"typo\",\"replacement\":{\"type\":\"PlantTree\"},"
            + SOURCE
            + "}";
    refused(post("/api/partnerships/words-1/corrections", correction), 400);
    refused(
        post(
            "/api/partnerships/words-1/corrections",
            correction.replace("{\"type\":\"PlantTree\"}", "{\"name\":\"x\"}")),
        400);
    refused(
        registrar()
            .post()
            .uri("/api/partnerships/words-1/cohorts")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue(cohort)
            .exchange(),
        415);

    ImportReport report =
        importReport(
            String.join(
                "\n",
                bodies.stream()
                    .map(
                        body ->
                            body.startsWith("{\"factId\"")
                                ? "{\"type\":\"EnrolCohort\",\"partnershipId\":\"words-1\","
                                    + body.substring(1)
                                : body)
                    .map(body -> body.replace("\n", " "))
                    .toList()));
    assertThat(report.rejected()).isEqualTo(bodies.size());
    report.rejections().forEach(r -> assertShowsNoInternals(r.problem()));
    assertThat(stored("words-1")).isEqualTo(1);
  }
}
