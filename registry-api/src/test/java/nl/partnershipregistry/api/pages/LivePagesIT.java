package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Pages that take in new facts while a person reads them (Debian's Chromium, headless, on the demo
 * data): a fact recorded through the JSON API appears on STBK's open page without a reload, and the
 * page says so; the registry page shows a new partnership, in Dutch; a page about what the registry
 * knew on an earlier day stays as it was. The updates stream is the page's, signed in with its
 * session: without one it leads to the sign-in page. Its own application (the streams-per-user
 * setting differs), so that the facts recorded here change no other journey's registry.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=always",
      "registry.events.streams-per-user=10"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePagesIT extends BrowserJourney {

  @Override
  boolean everyTestNeedsTheBrowser() {
    return false;
  }

  static final String STBK = "Stork Technische Bedrijfskunde (STBK)";
  static final String TIMELINE = "The facts in the order they happened, with their sources";
  static final Duration LIVE = Duration.ofSeconds(10);

  @Test
  void a_fact_recorded_meanwhile_appears_on_the_open_page_of_stbk_without_a_reload()
      throws IOException {
    needsTheBrowser();
    signIn("researcher");
    browser.open("/registry/stbk").awaitLiveUpdates().markPage();
    assertThat(browser.heading()).isEqualTo(STBK);
    assertThat(browser.text()).doesNotContain("stbk-evaluation-live", "Updated with new facts");

    record(
        "/api/partnerships/stbk/evaluations",
        "{\"factId\":\"stbk-evaluation-live\",\"occurredOn\":\"2007-03\","
            + "\"evaluator\":\"Sector audit\",\"summary\":\"Intake held up\","
            + "\"findings\":[\"two cohorts a year\"],"
            + "\"source\":{\"document\":\"live-audit-2007.pdf\",\"passage\":\"section 2\"}}");

    browser.awaitText("stbk-evaluation-live", LIVE).awaitText("Updated with new facts", LIVE);
    assertThat(browser.samePage()).as("the page was not reloaded").isTrue();
    assertThat(browser.table(TIMELINE))
        .anySatisfy(
            row ->
                assertThat(row)
                    .contains("March 2007", "month")
                    .anyMatch(cell -> cell.contains("live-audit-2007.pdf")));
    assertThat(browser.heading()).isEqualTo(STBK);
    browser.assertAccessible();
    browser.screenshot("partnership-live-en");
  }

  @Test
  void the_registry_page_in_dutch_shows_a_partnership_registered_meanwhile() throws IOException {
    needsTheBrowser();
    signIn("funder");
    browser.open("/registry");
    browser.press("Nederlands");
    browser.awaitLiveUpdates().markPage();
    assertThat(browser.heading()).isEqualTo("Samenwerkingen");
    assertThat(browser.text()).doesNotContain("Techniekpact Live");

    record(
        "/api/partnerships",
        "{\"partnershipId\":\"techniekpact-live\",\"factId\":\"techniekpact-live-registered\","
            + "\"occurredOn\":\"2024-09\",\"name\":\"Techniekpact Live\",\"kind\":\"TECHNOHUB\","
            + "\"region\":\"Utrecht\",\"sector\":\"technology\","
            + "\"goal\":\"Technicians trained with the companies of the region.\","
            + "\"source\":{\"document\":\"covenant-2024.pdf\",\"passage\":\"article 1\"}}");

    browser.awaitText("Techniekpact Live", LIVE).awaitText("Bijgewerkt met nieuwe feiten", LIVE);
    assertThat(browser.samePage()).as("the page was not reloaded").isTrue();
    assertThat(
            browser.row(
                "Samenwerkingen, op naam, zoals ze er vandaag voor staan", "Techniekpact Live"))
        .contains("Utrecht");
    browser.assertAccessible();
    browser.screenshot("registry-live-nl");
  }

  @Test
  void the_survival_page_names_a_partnership_left_out_that_was_registered_meanwhile()
      throws IOException {
    needsTheBrowser();
    signIn("researcher");
    browser.open("/survival");
    browser.awaitLiveUpdates().markPage();
    assertThat(browser.text()).doesNotContain("Leerwerkplaats Live");

    record(
        "/api/partnerships",
        "{\"partnershipId\":\"leerwerkplaats-live\",\"factId\":\"leerwerkplaats-live-registered\","
            + "\"occurredOn\":\"2019\",\"startKnown\":false,\"name\":\"Leerwerkplaats Live\","
            + "\"kind\":\"TECHNOHUB\",\"source\":{\"document\":\"annual-report-2019.pdf\","
            + "\"passage\":\"p. 2\"}}");

    browser.awaitText("Leerwerkplaats Live", LIVE).awaitText("Updated with new facts", LIVE);
    assertThat(browser.samePage()).as("the page was not reloaded").isTrue();
    browser.assertAccessible();
  }

  @Test
  void an_organisation_renamed_meanwhile_shows_its_new_name_on_its_open_page() throws IOException {
    needsTheBrowser();
    signIn("researcher");
    browser.open("/organisations/hitecs").awaitLiveUpdates().markPage();
    assertThat(browser.heading()).isEqualTo("HiTecs B.V.");

    record(
        "/api/organisations/hitecs/name",
        "{\"factId\":\"hitecs-renamed-live\",\"occurredOn\":\"2025-02\","
            + "\"name\":\"HiTecs Live B.V.\","
            + "\"source\":{\"document\":\"trade-register-2025.pdf\",\"passage\":\"entry 4\"}}");

    browser.awaitText("HiTecs Live B.V.", LIVE).awaitText("Updated with new facts", LIVE);
    assertThat(browser.samePage()).as("the page was not reloaded").isTrue();
    assertThat(browser.heading()).isEqualTo("HiTecs Live B.V.");
    assertThat(browser.row("Names over time", "HiTecs Live B.V."))
        .containsExactly("HiTecs Live B.V.", "February 2025");
    browser.assertAccessible();
  }

  @Test
  void what_changed_until_now_takes_in_a_fact_recorded_meanwhile() throws IOException {
    needsTheBrowser();
    signIn("auditor");
    String from = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    browser.open("/registry/stbk/changes?from=" + from).awaitLiveUpdates().markPage();
    assertThat(browser.text()).doesNotContain("stbk-evaluation-changes");

    record(
        "/api/partnerships/stbk/evaluations",
        "{\"factId\":\"stbk-evaluation-changes\",\"occurredOn\":\"2006\","
            + "\"evaluator\":\"Sector audit\",\"summary\":\"Recorded after the page opened\","
            + "\"findings\":[],"
            + "\"source\":{\"document\":\"changes-audit.pdf\",\"passage\":\"p. 1\"}}");

    browser.awaitText("stbk-evaluation-changes", LIVE).awaitText("Updated with new facts", LIVE);
    assertThat(browser.samePage()).as("the page was not reloaded").isTrue();
    browser.assertAccessible();
  }

  @Test
  void a_page_of_what_the_registry_knew_on_an_earlier_day_does_not_change() {
    needsTheBrowser();
    signIn("auditor");
    Instant known = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    browser.open("/registry/stbk?asKnownOn=" + known).markPage();
    String before = browser.text();
    assertThat(before).contains(STBK).doesNotContain("stbk-evaluation-earlier");

    record(
        "/api/partnerships/stbk/evaluations",
        "{\"factId\":\"stbk-evaluation-earlier\",\"occurredOn\":\"2006\","
            + "\"evaluator\":\"Sector audit\",\"summary\":\"Known only later\","
            + "\"findings\":[],"
            + "\"source\":{\"document\":\"late-audit.pdf\",\"passage\":\"p. 4\"}}");
    // Longer than a page that follows the facts takes to show one (the journey above).
    sleep(Duration.ofSeconds(4));

    assertThat(browser.samePage()).isTrue();
    assertThat(browser.text())
        .isEqualTo(before)
        .doesNotContain("stbk-evaluation-earlier", "Updated with new facts");
  }

  @Test
  void the_updates_of_a_page_need_its_session_and_lead_to_the_sign_in_page_without_one() {
    for (String path :
        new String[] {"/registry/stbk/updates", "/registry/updates", "/organisations/updates"}) {
      EntityExchangeResult<byte[]> answer =
          anonymous
              .get()
              .uri(path)
              .accept(MediaType.TEXT_EVENT_STREAM)
              .exchange()
              .expectStatus()
              .is3xxRedirection()
              .expectBody()
              .returnResult();
      assertThat(answer.getResponseHeaders().getLocation()).hasToString("/sign-in");
      assertThat(answer.getResponseHeaders().getContentType())
          .isNotEqualTo(MediaType.TEXT_EVENT_STREAM);

      // The JSON API's credentials sign no page in, nor its stream.
      DemoData.api(anonymous, "auditor")
          .get()
          .uri(path)
          .accept(MediaType.TEXT_EVENT_STREAM)
          .exchange()
          .expectStatus()
          .is3xxRedirection()
          .expectHeader()
          .valueEquals(HttpHeaders.LOCATION, "/sign-in");
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
