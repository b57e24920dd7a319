package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The pages and the JSON API give the same answers, because they ask the same query handlers: for a
 * sample of the demo partnerships on several days, the phase and every durability verdict on the
 * page are those of the JSON API, the registry page lists what the API lists, and the changes page
 * shows the facts and verdicts of the API's changes. Also the pages' security as a browser meets
 * it: a page without a session goes to the sign-in form, a form without its CSRF token is refused,
 * the JSON API still answers HTTP Basic without a session.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesAgreeWithApiIT {

  static final List<String> DAYS = List.of("2003-01-01", "2007-01-01", "2015-06-30", "2026-11-30");
  static final Pattern PHASE = Pattern.compile("<dd class=\"phase\">([^<]*)</dd>");
  static final Pattern FACT_ID = Pattern.compile("<span class=\"fact-id\">([^<]*)</span>");
  static final Pattern ROW_HEADER = Pattern.compile("<th scope=\"row\">([^<]*)</th>");
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
        String query = "?asOf=" + day + "&asKnownOn=2026-12-31";
        JsonNode state = api("/api/partnerships/" + id + query);
        JsonNode durability = api("/api/partnerships/" + id + "/durability" + query);
        String html = page("/registry/" + id + query);
        String where = id + " on " + day;

        Matcher phase = PHASE.matcher(html);
        if (state.get("phase").isNull()) {
          assertThat(phase.find()).as(where).isFalse();
          assertThat(html).as(where).contains(english("partnership.notStarted"));
        } else {
          assertThat(phase.find()).as(where).isTrue();
          assertThat(phase.group(1))
              .as(where)
              .isEqualTo(english("phase." + state.get("phase").asText()));
          compared++;
        }

        List<String> apiVerdicts = new ArrayList<>();
        durability.get("indicators").forEach(i -> apiVerdicts.add(i.get("verdict").asText()));
        List<String> pageVerdicts = new ArrayList<>();
        Matcher verdict = VERDICT.matcher(html);
        while (verdict.find()) {
          pageVerdicts.add(verdict.group(1));
          assertThat(verdict.group(2)).isEqualTo(english("verdict." + verdict.group(1)));
        }
        assertThat(pageVerdicts).as(where).isEqualTo(apiVerdicts);
      }
    }
    assertThat(compared).as("days on which a sampled partnership had started").isGreaterThan(8);
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
