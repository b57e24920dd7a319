package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

/**
 * What the registry found is said in Dutch on the Dutch pages, with the JSON API's figures: STBK's
 * durability findings on 1 July 2007 (the page in the browser's language and in the language chosen
 * with the switch), its renewal dossier's warnings and dependency flags, and the changes page's
 * findings; the English page says the API's English sentences. Only the words are the page's: every
 * count, share and date in the API's finding is on the Dutch page, written as Dutch writes it.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutchFindingsIT {

  static final String STBK_2007 = "/registry/stbk?asOf=2007-07-01";

  /** Words of the registry's English findings that a Dutch page does not show. */
  static final List<String> ENGLISH =
      List.of(
          "active employer partners",
          "employer partner",
          "employer commitment",
          "largest group",
          "in force",
          "months before",
          "key person",
          "left without",
          "active partner",
          "school side",
          "executive backing",
          "with mandate",
          "subsidy",
          "own revenue",
          "cliff",
          "ended",
          "after 12 months",
          "not yet known",
          "fulfilment rate",
          "fulfilled",
          "settled",
          "delivered",
          "since",
          "first established",
          "governance",
          "active activit",
          "Katapult type",
          "centre of gravity",
          "flexible format",
          "running",
          "discontinued",
          "recorded",
          "commitment ",
          "ran until",
          " of ",
          " and ",
          "none",
          "STRUCTURAL",
          "HOURS",
          "PLACES");

  @Autowired WebTestClient anonymous;
  @Autowired MongoEventStorageEngine engine;
  String session;
  final Formats dutch = new Formats(Languages.DUTCH);

  @BeforeAll
  void sign_in() {
    DemoData.awaitReadModels(anonymous, engine);
    session = signIn("funder");
  }

  @Test
  void a_dutch_partnership_page_says_the_apis_durability_findings_in_dutch() {
    JsonNode indicators =
        api("/api/partnerships/stbk/durability?asOf=2007-07-01").get("indicators");
    List<List<String>> rows = rows(page(STBK_2007, "nl-NL,nl;q=0.9"), "durability");
    assertThat(rows).hasSameSizeAs(indicators).hasSize(11);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode indicator = indicators.get(i);
      String said = rows.get(i).get(2);
      String where = indicator.get("condition").asText() + ": " + said;
      assertThat(said).as(where).isNotEqualTo(indicator.get("value").asText());
      saysInDutch(said, indicator.get("finding"));
    }
    assertThat(rows.get(1).get(2))
        .startsWith("grootste concern Stork: 1 van 1 actieve werkgeverspartners (100%), ")
        .contains("; HHI van de partners 1,0000, van de toezeggingen ");
    assertThat(rows.get(0).get(2)).endsWith(" in de 24 maanden vóór 1 juli 2007");

    JsonNode concentration = indicators.get(1).get("finding");
    assertThat(concentration.get("key").asText())
        .isEqualTo("finding.EMPLOYER_CONCENTRATION.groups");
    assertThat(concentration.get("arguments").get(0).asText()).isEqualTo("Stork");
    assertThat(concentration.get("arguments").get(3).get("fraction").decimalValue())
        .isEqualByComparingTo("1");

    List<List<String>> chosen = rows(page(STBK_2007, "en", "nl"), "durability");
    assertThat(chosen).isEqualTo(rows);
  }

  @Test
  void the_english_page_says_the_apis_english_sentences() {
    JsonNode indicators =
        api("/api/partnerships/stbk/durability?asOf=2007-07-01").get("indicators");
    List<List<String>> rows = rows(page(STBK_2007, "en"), "durability");
    // Findings without dates, amounts or coded values read on the page as in the answer.
    for (int i : List.of(1, 2, 3, 4)) {
      assertThat(rows.get(i).get(2)).isEqualTo(indicators.get(i).get("value").asText());
    }
    assertThat(rows.get(1).get(2))
        .startsWith("largest group Stork: 1 of 1 active employer partners (100%)");
    assertThat(rows.get(0).get(2))
        .isEqualTo(indicators.get(0).get("value").asText().replace("2007-07-01", "1 July 2007"));
  }

  @Test
  void a_dutch_dossier_gives_its_warnings_and_flags_in_dutch() {
    JsonNode dossier = api("/api/partnerships/stbk/renewal-dossier");
    String html = page("/registry/stbk/dossier", "nl");

    List<List<String>> warnings = rows(html, "warnings");
    assertThat(dossier.get("openWarnings")).isNotEmpty();
    assertThat(warnings).hasSameSizeAs(dossier.get("openWarnings"));
    for (int i = 0; i < warnings.size(); i++) {
      JsonNode warning = dossier.get("openWarnings").get(i);
      String said = warnings.get(i).get(1);
      assertThat(said).as(said).isNotEqualTo(warning.get("message").asText());
      saysInDutch(said, warning.get("finding"));
    }
    List<List<String>> flags = rows(html, "dependencies");
    assertThat(flags).hasSize(dossier.get("dependencyFlags").size());
    for (int i = 0; i < flags.size(); i++) {
      saysInDutch(flags.get(i).get(2), dossier.get("dependencyFlags").get(i).get("finding"));
    }
    List<List<String>> durability = rows(html, "durability");
    for (int i = 0; i < durability.size(); i++) {
      saysInDutch(
          durability.get(i).get(2),
          dossier.get("durability").get("indicators").get(i).get("finding"));
    }
  }

  @Test
  void the_dutch_changes_page_gives_the_findings_before_and_after_in_dutch() {
    String query = "?from=2020-01-01&to=" + Instant.now() + "&asOf=2007-07-01";
    JsonNode changes = api("/api/partnerships/stbk/changes" + query);
    List<List<String>> rows = rows(page("/registry/stbk/changes" + query, "nl"), "verdicts");
    assertThat(rows).hasSize(changes.get("verdicts").size()).isNotEmpty();
    for (int i = 0; i < rows.size(); i++) {
      String said = rows.get(i).get(3);
      assertThat(said).startsWith("Later: ");
      saysInDutch(said, changes.get("verdicts").get(i).get("after").get("finding"));
    }
  }

  /**
   * The page's words are Dutch (those of the registry's sources and names aside: the finding's text
   * arguments), and every count, share and date of the API's finding is among them.
   */
  void saysInDutch(String said, JsonNode finding) {
    String words = said;
    for (String text : texts(finding)) {
      words = words.replace(text, "");
    }
    assertThat(words).as(said).doesNotContain(ENGLISH);
    for (String figure : figures(finding)) {
      assertThat(said).as(said).contains(figure);
    }
  }

  /** The names, identifiers and sources' words in a finding and in those in it. */
  static List<String> texts(JsonNode finding) {
    List<String> texts = new ArrayList<>();
    for (JsonNode argument : finding.get("arguments")) {
      if (argument.isTextual()) {
        texts.add(argument.asText());
      } else if (argument.has("key")) {
        texts.addAll(texts(argument));
      } else if (argument.has("items")) {
        argument
            .get("items")
            .forEach(item -> texts.addAll(item.has("key") ? texts(item) : List.of(item.asText())));
      }
    }
    texts.sort((a, b) -> b.length() - a.length());
    return texts;
  }

  /**
   * The counts, shares and dates of a finding (and of those in it) as a Dutch page writes them:
   * "1.234", "65%", "1 juli 2007", "juli 2007".
   */
  List<String> figures(JsonNode finding) {
    List<String> figures = new ArrayList<>();
    for (JsonNode argument : finding.get("arguments")) {
      if (argument.isIntegralNumber()) {
        figures.add(dutch.number(argument.decimalValue()));
      } else if (argument.has("fraction")) {
        figures.add(dutch.percent(argument.get("fraction").decimalValue()));
      } else if (argument.has("amount") && argument.has("unit")) {
        figures.add(
            argument.get("unit").asText().equals("EUR")
                ? dutch.money(argument.get("amount").decimalValue())
                : dutch.number(argument.get("amount").decimalValue()));
      } else if (argument.has("euros")) {
        figures.add(dutch.money(argument.get("euros").decimalValue()));
      } else if (argument.has("key")) {
        figures.addAll(figures(argument));
      } else if (argument.has("items")) {
        argument
            .get("items")
            .forEach(
                item -> {
                  if (item.has("key")) {
                    figures.addAll(figures(item));
                  }
                });
      } else if (argument.isTextual() && argument.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
        figures.add(dutch.day(LocalDate.parse(argument.asText())));
      } else if (argument.isTextual() && argument.asText().matches("\\d{4}(-\\d{2})?")) {
        figures.add(dutch.date(FactDate.parse(argument.asText())));
      } else if (argument.isNumber()) {
        figures.add(new BigDecimal(argument.asText()).toPlainString().replace('.', ','));
      }
    }
    return figures;
  }

  /** The cells of each row of the table in the section whose heading has this id's prefix. */
  static List<List<String>> rows(String html, String section) {
    Matcher table =
        Pattern.compile(
                "aria-labelledby=\"" + section + "-heading\".*?<tbody>(.*?)</tbody>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(table.find()).as("a table in section " + section).isTrue();
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
    while (row.find()) {
      rows.add(
          PagesAgreeWithApiIT.cells(HtmlUtils.htmlUnescape(row.group(1))).stream()
              .map(cell -> cell.replace('\u00a0', ' '))
              .toList());
    }
    return rows;
  }

  /** The page in the language the browser asks for. */
  String page(String path, String acceptLanguage) {
    return page(path, acceptLanguage, null);
  }

  /** The page in the language the browser asks for, or the one chosen with the switch. */
  String page(String path, String acceptLanguage, String chosen) {
    WebTestClient.RequestHeadersSpec<?> request =
        anonymous.get().uri(path).cookie("SESSION", session);
    if (acceptLanguage != null) {
      request = request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    }
    if (chosen != null) {
      request = request.cookie(Languages.COOKIE, chosen);
    }
    return request
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  JsonNode api(String path) {
    return DemoData.api(anonymous, "funder")
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  /** Signs in with the form as a browser does; returns the session cookie. */
  String signIn(String user) {
    EntityExchangeResult<String> form =
        anonymous.get().uri("/sign-in").exchange().expectBody(String.class).returnResult();
    String cookie = form.getResponseCookies().getFirst("SESSION").getValue();
    Matcher token =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getResponseBody());
    assertThat(token.find()).isTrue();
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    fields.add("username", user);
    fields.add("password", user);
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
    ResponseCookie renewed = signedIn.getResponseCookies().getFirst("SESSION");
    return renewed == null ? cookie : renewed.getValue();
  }
}
