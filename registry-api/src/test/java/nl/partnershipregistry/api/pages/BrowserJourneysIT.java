package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * People using the registry in a browser (Debian's Chromium, headless), on the demo data: a
 * researcher finds STBK by a partner's name and reads its phase and durability, an auditor moves
 * the two dates and sees what the registry knew before a retraction, a reader switches to Dutch, a
 * wrong password is told in words. Each page passes axe-core without a serious or critical
 * violation, and leaves a screenshot in {@code target/screenshots} (docs/ui.md shows them). Skipped
 * where chromedriver is not installed ({@code .ci/run} installs it).
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneysIT extends BrowserJourney {

  static final String STBK = "Stork Technische Bedrijfskunde (STBK)";

  @Test
  void a_researcher_finds_stbk_by_its_partner_and_reads_its_phase_and_durability()
      throws IOException {
    browser.open("/");
    assertThat(browser.heading()).isEqualTo("Partnership registry");
    assertThat(browser.text()).contains("Swagger UI", "The API description (OpenAPI)");
    browser.assertAccessible();
    browser.screenshot("welcome-en");

    browser.open("/registry");
    assertThat(browser.path()).isEqualTo("/sign-in");
    browser.assertAccessible();
    browser.screenshot("sign-in-en");
    signIn("researcher", "researcher");

    assertThat(browser.path()).isEqualTo("/registry");
    assertThat(browser.text()).contains("27 partnerships found", "Signed in as researcher");
    assertThat(browser.row("Partnerships by kind", "Dual programme")).hasSize(2);
    browser.assertAccessible();
    browser.screenshot("registry-en");

    browser.fillIn("Search", "HiTecs").press("Show partnerships");
    assertThat(browser.text()).contains("1 partnership found");
    List<String> stbk = browser.row("Partnerships, by best match, as they stand today", STBK);
    assertThat(stbk).containsSubsequence(STBK, "Dual programme", "Discontinued", "2008");

    browser.press(STBK);
    assertThat(browser.heading()).isEqualTo(STBK);
    assertThat(browser.text()).contains("Phase\nDiscontinued", "HiTecs");
    assertThat(browser.row("Durability", "Why did it end?").get(1))
        .matches("[✓!?] (Holds|At risk|Unknown)");
    assertThat(browser.row("Durability", "Is there enough mass?")).hasSize(5);
    browser.assertAccessible();
    browser.screenshot("partnership-en");
  }

  @Test
  void an_auditor_moves_the_two_dates_and_sees_what_the_registry_knew_before_a_retraction()
      throws IOException {
    JsonNode evaluation =
        record(
            "/api/partnerships/stbk/evaluations",
            "{\"factId\":\"stbk-evaluation-browser\",\"occurredOn\":\"2006-05\","
                + "\"evaluator\":\"Sector audit\",\"summary\":\"Intake held up\","
                + "\"findings\":[\"two cohorts a year\"],"
                + "\"source\":{\"document\":\"audit-2006.pdf\",\"passage\":\"section 3\"}}");
    Instant between = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    waitUntilAfter(between);
    record(
        "/api/partnerships/stbk/retractions",
        "{\"factId\":\"stbk-evaluation-browser-retracted\","
            + "\"retractedFactId\":\"stbk-evaluation-browser\","
            + "\"reason\":\"The audit was about another programme\","
            + "\"source\":{\"document\":\"audit-2006-erratum.pdf\",\"passage\":\"p. 1\"}}");
    assertThat(evaluation.get("changed").asBoolean()).isTrue();

    signIn("auditor", "auditor");
    browser.open("/registry/stbk");
    assertThat(browser.text()).contains("Phase\nDiscontinued");
    assertThat(browser.text())
        .contains("Retracted facts", "by registrar: The audit was about another programme");

    browser.fillIn("As of (a day in the world)", "2005-06-01").press("Show");
    assertThat(browser.text()).contains("As of 1 June 2005").doesNotContain("Phase\nDiscontinued");
    assertThat(browser.row("Active partners", "HiTecs B.V.")).contains("Lead partner (penvoerder)");

    browser.fillIn("As of (a day in the world)", "2007-01-01");
    browser.fillIn("As known on (the registry's knowledge)", between.toString()).press("Show");
    assertThat(browser.text()).doesNotContain("Retracted facts");
    assertThat(browser.table("The facts in the order they happened, with their sources"))
        .anySatisfy(row -> assertThat(row).contains("May 2006", "month"));
    browser.assertAccessible();
    browser.screenshot("partnership-as-known-en");

    browser.fillIn("As of (a day in the world)", "1 June").press("Show");
    assertThat(browser.text())
        .contains("There is a problem", "Enter the day as year-month-day, for example 2007-01-01.");
    browser.assertAccessible();
    browser.screenshot("partnership-error-en");
  }

  @Test
  void the_language_switch_turns_the_pages_dutch_and_is_remembered() throws IOException {
    signIn("funder", "funder");
    browser.open("/registry/stbk?asOf=2005-06-01");
    browser.press("Nederlands");
    assertThat(browser.path()).isEqualTo("/registry/stbk?asOf=2005-06-01");
    assertThat(browser.text()).contains("Op 1 juni 2005", "Duurzaamheid", "Tijdlijn", "Uitloggen");
    assertThat(browser.row("Actieve partners", "HiTecs B.V.")).contains("Penvoerder");
    browser.assertAccessible();
    browser.screenshot("partnership-nl");

    browser.open("/registry");
    assertThat(browser.heading()).isEqualTo("Samenwerkingen");
    assertThat(browser.text()).contains("27 samenwerkingen gevonden");
    browser.assertAccessible();
    browser.screenshot("registry-nl");
    browser.fillIn("Zoeken", "luchtvaart").press("Toon samenwerkingen");
    assertThat(
            browser
                .table("Samenwerkingen, op beste overeenkomst, zoals ze er vandaag voor staan")
                .get(0))
        .contains("Luchtvaartcollege Schiphol");

    String words = IntStream.range(0, 65).mapToObj(i -> "w" + i).collect(Collectors.joining(","));
    browser.open("/registry?text=" + words);
    assertThat(browser.text())
        .contains(
            "Voer hoogstens 64 verschillende woorden in om op te zoeken.",
            "27 samenwerkingen gevonden");
    browser.assertAccessible();
    browser.screenshot("registry-search-error-nl");

    browser.press("English");
    assertThat(browser.heading()).isEqualTo("Partnerships");
    assertThat(browser.text())
        .contains(
            "There is a problem",
            "Enter at most 64 different words to search for.",
            "27 partnerships found");
    browser.assertAccessible();
    browser.screenshot("registry-search-error-en");
  }

  @Test
  void a_wrong_password_is_told_in_words_and_signing_out_ends_the_session() throws IOException {
    signIn("auditor", "not-the-password");
    assertThat(browser.path()).isEqualTo("/sign-in?error");
    assertThat(browser.text())
        .contains(
            "There is a problem",
            "The user name or the password is not right. Check both and try again.");
    browser.assertAccessible();
    browser.screenshot("sign-in-error-en");

    signIn("auditor", "auditor");
    assertThat(browser.heading()).isEqualTo("Partnerships");
    browser.press("Sign out");
    assertThat(browser.text()).contains("You have signed out.");
    browser.open("/registry/stbk");
    assertThat(browser.path()).isEqualTo("/sign-in");
  }
}
