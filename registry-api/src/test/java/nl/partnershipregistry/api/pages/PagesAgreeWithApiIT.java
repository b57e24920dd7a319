package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages and the JSON API give the same answers, because they ask the same query handlers: for a
 * sample of the demo partnerships on several days, the phase and every durability verdict on the
 * page are those of the JSON API, the funding table's amounts and shares, the ledger's promised and
 * delivered and the cohorts' figures are those of the API's answers, every piece of evidence links
 * to a fact on the page, and the registry page lists what the API lists; the survival page shows
 * the API's medians, steps and left-out partnerships for every grouping, the organisation pages the
 * API's organisations, partnerships and track-record totals, and the changes page the facts and
 * verdicts of the API's changes. Also the pages' security as a browser meets it: a page without a
 * session goes to the sign-in form, a form without its CSRF token is refused, the JSON API still
 * answers HTTP Basic without a session.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesAgreeWithApiIT {

  static final Pattern FACT_ID = Pattern.compile("<span class=\"fact-id\">([^<]*)</span>");
  static final Pattern ROW_HEADER = Pattern.compile("<th scope=\"row\">([^<]*)</th>");
  static final List<String> DAYS = List.of("2003-01-01", "2007-01-01", "2015-06-30", "2026-11-30");
  static final Pattern EVIDENCE = Pattern.compile("href=\"#fact-([^\"]+)\"");
  static final Pattern PHASE = Pattern.compile("<dd class=\"phase\">([^<]*)</dd>");
  static final Pattern VERDICT =
      Pattern.compile(
          "<span class=\"verdict verdict-([A-Z_]+)\">.*?<span>([^<]*)</span>", Pattern.DOTALL);

  @Autowired WebTestClient anonymous;
  @Autowired MongoEventStorageEngine engine;
  @Autowired MessageSource messages;
  String session;

  @BeforeAll
  void sign_in() {
    DemoData.awaitReadModels(anonymous, engine);
    session = signIn("researcher", "researcher");
  }

  /** Signs in with the form as a browser does; returns the session cookie. */
  String signIn(String user, String password) {
    EntityExchangeResult<String> form =
        anonymous.get().uri("/sign-in").exchange().expectBody(String.class).returnResult();
    String cookie = form.getResponseCookies().getFirst("SESSION").getValue();
    Matcher token =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getResponseBody());
    assertThat(token.find()).as("a CSRF token in the sign-in form").isTrue();
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    fields.add("username", user);
    fields.add("password", password);
    fields.add("_csrf", token.group(1));
    EntityExchangeResult<Void> signedIn =
        anonymous
            .post()
            .uri("/sign-in")
            .cookie("SESSION", cookie)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(fields))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectBody()
            .isEmpty();
    assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/registry");
    ResponseCookie renewed = signedIn.getResponseCookies().getFirst("SESSION");
    return renewed == null ? cookie : renewed.getValue();
  }

  String page(String path) {
    return anonymous
        .get()
        .uri(path)
        .cookie("SESSION", session)
        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  JsonNode api(String path) {
    return DemoData.api(anonymous, "researcher")
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  String english(String key) {
    return messages.getMessage(key, null, Locale.ENGLISH);
  }

  @Test
  void a_partnerships_page_shows_the_apis_phase_and_verdicts_on_each_day() {
    List<String> sample = new ArrayList<>();
    api("/api/partnerships?size=200")
        .get("items")
        .forEach(i -> sample.add(i.get("partnershipId").asText()));
    assertThat(sample).hasSize(27).contains("stbk");
    List<String> chosen =
        List.of("stbk", sample.get(0), sample.get(9), sample.get(18), sample.get(26));
    int compared = 0;
    for (String id : chosen) {
      for (String day : DAYS) {
        String query = "?asOf=" + day + "&asKnownOn=2099-12-31";
        JsonNode state = api("/api/partnerships/" + id + query);
        JsonNode durability = api("/api/partnerships/" + id + "/durability" + query);
        String html = page("/registry/" + id + query);
        String where = id + " on " + day;

        Matcher phase = PHASE.matcher(html);
        if (state.get("phase").isNull()) {
          assertThat(phase.find()).as(where).isFalse();
          assertThat(state.get("existence").asText()).as(where).isIn("NOT_YET_STARTED", "UNKNOWN");
          assertThat(html)
              .as(where)
              .contains(
                  state.get("existence").asText().equals("NOT_YET_STARTED")
                      ? "It had not started yet on this day"
                      : "Whether it existed on this day is not known");
        } else if (state.get("phase").asText().equals("UNKNOWN")) {
          assertThat(phase.find()).as(where).isTrue();
          assertThat(phase.group(1)).as(where).isEqualTo(english("partnership.phaseUnknown"));
          compared++;
        } else {
          assertThat(phase.find()).as(where).isTrue();
          assertThat(phase.group(1))
              .as(where)
              .isEqualTo(english("phase." + state.get("phase").asText()));
          String basis = state.get("phaseFactId").asText();
          assertThat(html)
              .as(where + ": the phase's basis, linked to its fact on the timeline")
              .contains("href=\"#fact-" + basis + "\"")
              .contains("id=\"fact-" + basis + "\"");
          compared++;
        }

        List<String> apiVerdicts = new ArrayList<>();
        durability.get("indicators").forEach(i -> apiVerdicts.add(i.get("verdict").asText()));
        durability
            .get("indicators")
            .forEach(
                i ->
                    assertThat(
                            List.of("", ".2", ".3").stream()
                                .map(
                                    variant ->
                                        messages.getMessage(
                                            "rule." + i.get("condition").asText() + variant,
                                            null,
                                            "",
                                            Locale.ENGLISH)))
                        .as(where + ": a text that says the rule of " + i.get("condition"))
                        .contains(i.get("rule").asText()));
        List<String> pageVerdicts = new ArrayList<>();
        Matcher verdict = VERDICT.matcher(html);
        while (verdict.find()) {
          pageVerdicts.add(verdict.group(1));
          assertThat(verdict.group(2)).isEqualTo(english("verdict." + verdict.group(1)));
        }
        assertThat(pageVerdicts).as(where).isEqualTo(apiVerdicts);

        Matcher evidence = EVIDENCE.matcher(html);
        while (evidence.find()) {
          assertThat(html)
              .as(where + ": a place on the page for evidence " + evidence.group(1))
              .contains("id=\"fact-" + evidence.group(1) + "\"");
        }
      }
    }
    assertThat(compared).as("days on which a sampled partnership had started").isGreaterThan(8);
  }

  @Test
  void the_funding_commitments_and_cohorts_sections_show_the_apis_figures() {
    recordAmountsAndACommitment();
    Formats fmt = new Formats(Locale.ENGLISH);
    List<String> sample = new ArrayList<>();
    api("/api/partnerships?size=200")
        .get("items")
        .forEach(i -> sample.add(i.get("partnershipId").asText()));
    List<String> chosen =
        List.of(
            "stbk",
            "atc-amersfoort",
            "care-academy-veluwe",
            sample.get(0),
            sample.get(9),
            sample.get(18),
            sample.get(26));
    int years = 0;
    int commitments = 0;
    int cohorts = 0;
    for (String id : chosen) {
      for (String day : DAYS) {
        String query = "?asOf=" + day + "&asKnownOn=2099-12-31";
        String html = page("/registry/" + id + query);
        String where = id + " on " + day;

        JsonNode funding = api("/api/partnerships/" + id + "/funding" + query);
        for (JsonNode year : funding.get("years")) {
          String row = row(html, "funding-" + year.get("year").asText());
          assertThat(row).as(where).isNotNull();
          year.get("amountByType")
              .forEach(
                  amount -> assertThat(row).as(where).contains(fmt.money(amount.decimalValue())));
          BigDecimal total = year.get("total").decimalValue();
          boolean complete = year.get("withoutAmount").isEmpty();
          assertThat(row)
              .as(where)
              .contains(
                  total.signum() == 0 && !complete
                      ? english("funding.noneKnown")
                      : fmt.money(total));
          if (!year.get("subsidyShare").isNull()) {
            assertThat(row).as(where).contains(fmt.share(year.get("subsidyShare").decimalValue()));
          }
          if (!complete) {
            assertThat(row)
                .as(where)
                .contains(fmt.share(year.get("subsidyShareAtLeast").decimalValue()))
                .contains(fmt.share(year.get("subsidyShareAtMost").decimalValue()));
            year.get("withoutAmount")
                .forEach(
                    f ->
                        assertThat(row)
                            .as(where)
                            .contains(english("fundingtype." + f.get("type").asText())));
          }
          years++;
        }

        JsonNode ledger = api("/api/partnerships/" + id + "/commitments" + query);
        for (JsonNode partner : ledger.get("partners")) {
          for (JsonNode line : partner.get("commitments")) {
            String row = row(html, "commitment-" + line.get("commitmentId").asText());
            assertThat(row).as(where).isNotNull();
            assertThat(row)
                .as(where)
                .contains(english("commitmenttype." + line.get("type").asText()))
                .contains(quantity(fmt, line.get("promised")))
                .contains(english("status." + line.get("status").asText()));
            if (!line.get("delivered").isNull()) {
              assertThat(row).as(where).contains(quantity(fmt, line.get("delivered")));
            }
            commitments++;
          }
        }

        JsonNode outcomes = api("/api/partnerships/" + id + "/cohorts" + query);
        for (JsonNode cohort : outcomes.get("cohorts")) {
          String row = row(html, "cohort-" + cohort.get("cohortId").asText());
          assertThat(row).as(where).isNotNull();
          JsonNode outcome = cohort.get("outcome");
          List<String> cells = cells(row);
          boolean approximate = outcome.get("approximate").asBoolean();
          for (String count : List.of("enrolled", "droppedOut", "graduated")) {
            assertThat(cells.get(count.equals("enrolled") ? 2 : count.equals("droppedOut") ? 3 : 4))
                .as(where + " " + count)
                .isEqualTo(
                    hedge(
                            outcome.get(count + "Exactness").asText(),
                            outcome.get(count).decimalValue())
                        + outcome.get(count).asInt());
          }
          assertThat(cells.get(5))
              .as(where)
              .isEqualTo(
                  outcome.get("completionRate").isNull()
                      ? english("unknown")
                      : about(approximate, outcome.get("completionRate").decimalValue())
                          + fmt.share(outcome.get("completionRate").decimalValue()));
          cohorts++;
        }
      }
    }
    assertThat(years).as("funding years compared").isGreaterThan(10);
    assertThat(commitments).as("commitments compared").isGreaterThan(1);
    assertThat(cohorts).as("cohorts compared").isGreaterThan(3);
  }

  /**
   * The hedge before a count as the page writes it: "at least " for a lower bound, "about " for a
   * count a source gives roughly (a roughly given count of none is none), nothing when exact.
   */
  static String hedge(String exactness, BigDecimal figure) {
    return switch (exactness) {
      case "AT_LEAST" -> "at least ";
      case "APPROXIMATE" -> about(true, figure);
      default -> "";
    };
  }

  /** "about " before a figure a source gives roughly; a roughly given count of none is none. */
  static String about(boolean approximate, BigDecimal figure) {
    return approximate && figure.signum() > 0 ? "about " : "";
  }

  /** Adds what the demo data lack: amounts and a partner's commitment, settled in part. */
  void recordAmountsAndACommitment() {
    post(
        "/api/partnerships/atc-amersfoort/funding",
        "{\"factId\":\"atc-funding-municipality-agree\",\"occurredOn\":\"2015-01-01\","
            + "\"fundingId\":\"municipality-agree\",\"fundingType\":\"SUBSIDY\","
            + "\"funder\":\"Gemeente Amersfoort\",\"amount\":250000,"
            + "\"period\":{\"from\":\"2015-01-01\",\"until\":\"2016-06-30\"},"
            + "\"source\":{\"document\":\"agree-test.pdf\",\"passage\":\"p. 1\"}}");
    post(
        "/api/partnerships/atc-amersfoort/commitments",
        "{\"factId\":\"atc-commitment-agree\",\"occurredOn\":\"2016-03\","
            + "\"commitmentId\":\"agree-hours\",\"organisationId\":\""
            + firstPartner("atc-amersfoort")
            + "\",\"commitmentType\":\"STAFF_HOURS\",\"quantity\":{\"amount\":1200,\"unit\":\"HOURS\"},"
            + "\"period\":{\"from\":\"2016-03\",\"until\":\"2016-12\"},"
            + "\"source\":{\"document\":\"agree-test.pdf\",\"passage\":\"p. 2\"}}");
    post(
        "/api/partnerships/atc-amersfoort/commitment-partial-fulfilments",
        "{\"factId\":\"atc-commitment-agree-partial\",\"occurredOn\":\"2016-12\","
            + "\"commitmentId\":\"agree-hours\",\"delivered\":{\"amount\":900.5,\"unit\":\"HOURS\"},"
            + "\"source\":{\"document\":\"agree-test.pdf\",\"passage\":\"p. 3\"}}");
    post(
        "/api/partnerships/atc-amersfoort/commitments",
        "{\"factId\":\"atc-commitment-agree-money\",\"occurredOn\":\"2016-03\","
            + "\"commitmentId\":\"agree-money\",\"organisationId\":\""
            + firstPartner("atc-amersfoort")
            + "\",\"commitmentType\":\"MONEY\",\"quantity\":{\"amount\":15000.25,\"unit\":\"EUR\"},"
            + "\"period\":{\"from\":\"2016-03\",\"until\":\"2030-12\"},"
            + "\"source\":{\"document\":\"agree-test.pdf\",\"passage\":\"p. 4\"}}");
  }

  String firstPartner(String id) {
    return api("/api/partnerships/" + id + "?asOf=2016-01-01")
        .get("partners")
        .get(0)
        .get("organisationId")
        .asText();
  }

  void post(String path, String body) {
    JsonNode receipt =
        DemoData.api(anonymous, "registrar")
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
    api(
        path.substring(0, path.lastIndexOf('/'))
            + "?afterCommit="
            + receipt.get("commits").get(0).asLong());
  }

  String quantity(Formats fmt, JsonNode quantity) {
    BigDecimal amount = quantity.get("amount").decimalValue();
    String unit = quantity.get("unit").asText();
    return unit.equals("EUR")
        ? fmt.money(amount)
        : messages.getMessage("unit." + unit, new Object[] {fmt.number(amount)}, Locale.ENGLISH);
  }

  /** The HTML of the table row with this id, or null. */
  static String row(String html, String id) {
    Matcher row =
        Pattern.compile("<tr id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
            .matcher(html);
    return row.find() ? HtmlUtils.htmlUnescape(row.group(1).replaceAll("\\s+", " ")) : null;
  }

  /** A row's cells as a person reads them. */
  static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    for (String cell : row.split("</t[hd]>")) {
      String text = cell.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
      if (cell.contains("<t")) {
        cells.add(text);
      }
    }
    return cells;
  }

  @Test
  void the_changes_page_shows_the_facts_and_verdicts_of_the_apis_changes() {
    String query = "?from=2020-01-01&to=" + Instant.now() + "&asOf=2007-01-01";
    JsonNode changes = api("/api/partnerships/stbk/changes" + query);
    String html = page("/registry/stbk/changes" + query);

    assertThat(changes.get("knownAtFrom").asBoolean()).isFalse();
    List<String> apiFacts = new ArrayList<>();
    changes.get("facts").forEach(f -> apiFacts.add(f.get("factId").asText()));
    List<String> pageFacts = new ArrayList<>();
    Matcher fact = FACT_ID.matcher(html);
    while (fact.find()) {
      pageFacts.add(fact.group(1));
    }
    assertThat(pageFacts).isNotEmpty().isEqualTo(apiFacts);
    // Every fact is new since 2020; other journeys may have retracted one of them since.
    List<String> apiChanges = new ArrayList<>();
    changes
        .get("facts")
        .forEach(f -> apiChanges.add(english("changes.change." + f.get("change").asText())));
    assertThat(apiChanges).contains(english("changes.change.ADDED"));
    List<String> changeWords =
        List.of("ADDED", "CORRECTED", "RETRACTED", "ADDED_AND_RETRACTED").stream()
            .map(change -> english("changes.change." + change))
            .toList();
    List<String> pageChanges = new ArrayList<>();
    Matcher row = ROW_HEADER.matcher(html);
    while (row.find()) {
      if (changeWords.contains(row.group(1))) {
        pageChanges.add(row.group(1));
      }
    }
    assertThat(pageChanges).isEqualTo(apiChanges);

    List<String> apiVerdicts = new ArrayList<>();
    changes.get("verdicts").forEach(v -> apiVerdicts.add(v.get("after").get("verdict").asText()));
    List<String> pageVerdicts = new ArrayList<>();
    Matcher verdict = VERDICT.matcher(html);
    while (verdict.find()) {
      pageVerdicts.add(verdict.group(1));
    }
    assertThat(pageVerdicts).hasSize(11).isEqualTo(apiVerdicts);

    DemoData.api(anonymous, "researcher")
        .get()
        .uri("/api/partnerships/stbk/changes?from=2026-12-02&to=2026-12-01")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("from");
  }

  @Test
  void
      the_registry_page_marks_a_text_of_too_many_words_and_lists_without_it_where_the_api_refuses_it() {
    String words = IntStream.range(0, 65).mapToObj(i -> "w" + i).collect(Collectors.joining(","));
    String html = page("/registry?text=" + words);
    int all = api("/api/partnerships?size=200").get("total").asInt();

    assertThat(html).contains("Enter at most 64 different words to search for.");
    assertThat(html).contains("aria-describedby=\"text-hint text-error\"");
    assertThat(html).contains("value=\"" + words + "\"");
    assertThat(html).contains(all + " partnerships found");
    DemoData.api(anonymous, "researcher")
        .get()
        .uri("/api/partnerships?text=" + words)
        .exchange()
        .expectStatus()
        .isBadRequest();
    String sixtyFour =
        IntStream.range(0, 64).mapToObj(i -> "w" + i).collect(Collectors.joining(","));
    assertThat(page("/registry?text=" + sixtyFour))
        .doesNotContain("Enter at most 64 different words")
        .contains("No partnership matches.");
  }

  @Test
  void the_registry_page_lists_what_the_api_lists() {
    JsonNode list = api("/api/partnerships?text=HiTecs&size=200");
    String html = page("/registry?text=HiTecs");
    assertThat(list.get("total").asInt()).isEqualTo(1);
    assertThat(html).contains(list.get("items").get(0).get("name").asText().replace("'", "&#39;"));
    assertThat(html).contains("1 partnership found");

    String csv =
        anonymous
            .get()
            .uri("/registry/partnerships.csv?text=HiTecs")
            .cookie("SESSION", session)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String apiCsv =
        DemoData.api(anonymous, "researcher")
            .get()
            .uri("/api/partnerships?text=HiTecs&size=200")
            .accept(MediaType.parseMediaType("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv).isEqualTo(apiCsv).startsWith("partnershipId,name,kind,phase").contains("stbk,");
  }

  @Test
  void the_survival_page_shows_the_apis_medians_steps_and_left_out_partnerships() {
    for (String moment : List.of("", "&asOf=2012-12-31", "&asOf=2018&asKnownOn=2099-12-31")) {
      survivalPageAgrees(moment);
    }
  }

  void survivalPageAgrees(String moment) {
    JsonNode answer = api("/api/analytics/survival?" + moment.replaceFirst("^&", ""));
    NumberFormat years = NumberFormat.getNumberInstance(Locale.ENGLISH);
    years.setMinimumFractionDigits(2);
    years.setMaximumFractionDigits(2);
    NumberFormat percent = NumberFormat.getPercentInstance(Locale.ENGLISH);
    percent.setMinimumFractionDigits(1);
    percent.setMaximumFractionDigits(1);
    String[][] groupings = {
      {"all", "overall"},
      {"kind", "byKind"},
      {"funding", "byFundingProfile"},
      {"employers", "byEmployerConcentration"}
    };
    for (String[] grouping : groupings) {
      String html = page("/survival?by=" + grouping[0] + moment).replaceAll(">\\s+<", "><");
      JsonNode curves = answer.get(grouping[1]);
      List<JsonNode> each = new ArrayList<>();
      if (curves.isArray()) {
        curves.forEach(each::add);
      } else {
        each.add(curves);
      }
      for (JsonNode curve : each) {
        String group = curve.get("group").asText();
        String label =
            html(
                english(
                    grouping[0].equals("kind")
                        ? "kind." + group
                        : "survival.group." + group.replace(' ', '-')));
        JsonNode median = curve.get("medianYears");
        assertThat(html)
            .as(grouping[0] + " " + group + moment)
            .contains(
                "<tr><th scope=\"row\">"
                    + label
                    + "</th><td class=\"num\">"
                    + curve.get("partnerships").asText()
                    + "</td><td class=\"num\">"
                    + curve.get("discontinued").asText()
                    + "</td><td class=\"num\">"
                    + curve.get("censored").asText()
                    + "</td><td class=\"num\">"
                    + (median.isNull()
                        ? english("survival.notReached")
                        : years.format(median.asDouble()))
                    + "</td></tr>");
        StringBuilder steps = new StringBuilder("<caption>Steps: " + label + "</caption>");
        steps.append(html.substring(html.indexOf("<thead>", html.indexOf(steps.toString()))));
        StringBuilder rows = new StringBuilder("<tbody>");
        for (JsonNode step : curve.get("steps")) {
          rows.append("<tr><td class=\"num\">")
              .append(years.format(step.get("years").asDouble()))
              .append("</td><td class=\"num\">")
              .append(step.get("atRisk").asText())
              .append("</td><td class=\"num\">")
              .append(step.get("discontinued").asText())
              .append("</td><td class=\"num\">")
              .append(step.get("censored").asText())
              .append("</td><td class=\"num\">")
              .append(percent.format(step.get("survival").asDouble()))
              .append("</td></tr>");
        }
        rows.append("</tbody>");
        assertThat(steps.toString()).as(grouping[0] + " " + group).contains(rows);
      }
      for (JsonNode left : answer.get("leftOut")) {
        assertThat(html)
            .contains(
                "<a href=\"/registry/"
                    + left.get("partnershipId").asText()
                    + "\">"
                    + html(left.get("name").asText())
                    + "</a>");
      }
    }
  }

  @Test
  void an_organisations_pages_show_what_the_api_answers() {
    JsonNode list = api("/api/organisations?text=vdl&size=200");
    String listed = page("/organisations?text=vdl");
    assertThat(listed).contains(list.get("total").asInt() + " organisations found");
    list.get("items")
        .forEach(
            item ->
                assertThat(listed)
                    .contains(
                        "<a href=\"/organisations/"
                            + item.get("organisationId").asText()
                            + "\">"
                            + html(item.get("name").asText())
                            + "</a>"));

    JsonNode profile = api("/api/organisations/hitecs");
    JsonNode record = api("/api/organisations/hitecs/track-record");
    String html = page("/organisations/hitecs").replaceAll(">\\s+<", "><");
    assertThat(html).contains("<h1>" + html(profile.get("name").asText()) + "</h1>");
    for (JsonNode p : profile.get("partnerships")) {
      assertThat(html)
          .contains(
              "<a href=\"/registry/"
                  + p.get("partnershipId").asText()
                  + "\">"
                  + html(p.get("partnershipName").asText())
                  + "</a></th><td>"
                  + english("role." + p.get("role").asText())
                  + "</td>");
    }
    JsonNode totals = record.get("totals");
    assertThat(record.get("partnerships")).isNotEmpty();
    assertThat(html)
        .contains(
            "<td class=\"num\">"
                + totals.get("commitments").asText()
                + "</td><td class=\"num\">"
                + totals.get("fulfilled").asText()
                + "</td><td class=\"num\">"
                + totals.get("partiallyFulfilled").asText()
                + "</td><td class=\"num\">"
                + (totals.get("broken").asInt() + totals.get("withdrawn").asInt())
                + "</td><td class=\"num\">"
                + totals.get("open").asText()
                + "</td>");

    anonymous
        .get()
        .uri("/organisations/nobody")
        .cookie("SESSION", session)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;");
  }

  @Test
  void a_page_without_a_session_goes_to_the_sign_in_form_and_the_api_keeps_basic() {
    anonymous
        .get()
        .uri("/registry/stbk")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/sign-in");
    anonymous.get().uri("/api/partnerships").exchange().expectStatus().isUnauthorized();
    anonymous
        .get()
        .uri("/api/partnerships")
        .cookie("SESSION", session)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    DemoData.api(anonymous, "funder")
        .get()
        .uri("/api/partnerships")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE);
  }

  @Test
  void a_partnership_the_registry_does_not_hold_and_an_address_it_cannot_read_are_told_in_a_page() {
    String missing =
        anonymous
            .get()
            .uri("/registry/nobody")
            .cookie("SESSION", session)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(missing)
        .contains("Partnership not found", "no partnership under &quot;nobody&quot;");

    String unreadable =
        anonymous
            .get()
            .uri("/language")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(unreadable).contains("Sorry, there is a problem", "cannot read this address");
  }

  @Test
  void a_form_without_its_csrf_token_is_refused() {
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    fields.add("username", "researcher");
    fields.add("password", "researcher");
    anonymous
        .post()
        .uri("/sign-in")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData(fields))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.FORBIDDEN);
    anonymous
        .post()
        .uri("/sign-out")
        .cookie("SESSION", session)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.FORBIDDEN);
    page("/registry");
  }

  @Test
  void the_browsers_language_chooses_dutch_and_the_switch_overrides_it() {
    String dutch =
        anonymous
            .get()
            .uri("/sign-in")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "nl-NL,nl;q=0.9,en;q=0.5")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(dutch).contains("<html lang=\"nl\">", "Inloggen", "Gebruikersnaam", "Wachtwoord");

    String chosen =
        anonymous
            .get()
            .uri("/sign-in")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
            .cookie(Languages.COOKIE, "en")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(chosen).contains("<html lang=\"en\">", "User name");

    anonymous
        .get()
        .uri("/language?to=nl&back=//elsewhere.example/")
        .exchange()
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location("/")
        .expectCookie()
        .valueEquals(Languages.COOKIE, "nl");
  }
}
