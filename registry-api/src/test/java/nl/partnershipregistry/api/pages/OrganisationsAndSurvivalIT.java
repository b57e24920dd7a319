package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

/**
 * A researcher in a browser (Debian's Chromium, headless) on the demo data: searches the
 * organisations for HiTecs, reads its track record with its group (Stork) counted and follows it to
 * STBK; then reads how long partnerships last, by kind, with the medians and every step of the
 * curves as the JSON API answers them, and the partnerships left out named. Each page passes
 * axe-core and leaves a screenshot. Skipped where chromedriver is not installed.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationsAndSurvivalIT extends BrowserJourney {

  @Autowired MessageSource messages;

  static final String STBK = "Stork Technische Bedrijfskunde (STBK)";

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
  void a_researcher_finds_hitecs_reads_its_track_record_and_follows_it_to_stbk()
      throws IOException {
    browser.open("/organisations");
    assertThat(browser.path()).isEqualTo("/sign-in");
    signIn("researcher");
    browser.press("Organisations");
    assertThat(browser.heading()).isEqualTo("Organisations");
    long total = api("/api/organisations").get("total").asLong();
    assertThat(browser.text()).contains(total + " organisations found", "Page 1 of 3");
    assertThat(browser.row("Organisations by type", "School").get(1))
        .isEqualTo(api("/api/organisations").get("countsByType").get("SCHOOL").asText());
    browser.assertAccessible();
    browser.screenshot("organisations-en");

    browser.fillIn("Search", "HiTecs").press("Show organisations");
    assertThat(browser.text()).contains("1 organisation found");
    assertThat(browser.row("Organisations, by name, as they stand today", "HiTecs B.V."))
        .containsExactly("HiTecs B.V.", "", "Employer", "Stork", "1");

    browser.press("HiTecs B.V.");
    assertThat(browser.path()).isEqualTo("/organisations/hitecs");
    assertThat(browser.heading()).isEqualTo("HiTecs B.V.");
    assertThat(browser.text()).contains("Type\nEmployer", "Group\nStork");
    assertThat(browser.row("Names over time", "HiTecs B.V."))
        .containsExactly("HiTecs B.V.", "1998");
    assertThat(browser.row("Partnerships it took part in", STBK))
        .containsExactly(
            STBK, "Lead partner (penvoerder)", "2001", "no end recorded", "Discontinued");
    List<String> record = browser.row("Track record, its group counted", STBK);
    assertThat(record).startsWith(STBK, "Discontinued");
    assertThat(record.get(2)).startsWith("HiTecs B.V.: Lead partner (penvoerder), 2001 – ");
    assertThat(browser.text())
        .contains("every organisation in the group of Stork count here (2 organisations)");
    browser.assertAccessible();
    browser.screenshot("organisation-en");

    // The same organisation on another day: every table follows, and so do its links.
    browser.fillIn("As of (a day in the world)", "2005-06-01").press("Show");
    assertThat(browser.path()).startsWith("/organisations/hitecs?asOf=2005-06-01");
    assertThat(browser.text()).contains("As of 1 June 2005");
    JsonNode then = api("/api/organisations/hitecs?asOf=2005-06-01");
    JsonNode stbkThen = null;
    for (JsonNode part : then.get("partnerships")) {
      if ("stbk".equals(part.get("partnershipId").asText())) {
        stbkThen = part;
      }
    }
    assertThat(stbkThen).as("HiTecs in STBK on 1 June 2005").isNotNull();
    String phaseThen = english("phase." + stbkThen.get("phase").asText());
    assertThat(phaseThen).isNotEqualTo("Discontinued");
    assertThat(browser.row("Partnerships it took part in", STBK))
        .containsExactly(STBK, "Lead partner (penvoerder)", "2001", "no end recorded", phaseThen);
    browser.assertAccessible();

    browser.press(STBK);
    assertThat(browser.path()).isEqualTo("/registry/stbk?asOf=2005-06-01");
    assertThat(browser.heading()).isEqualTo(STBK);
  }

  @Test
  void a_researcher_reads_survival_by_kind_with_medians_steps_and_the_partnerships_left_out()
      throws IOException {
    signIn("researcher");
    browser.press("Survival");
    assertThat(browser.heading()).isEqualTo("How long do partnerships last?");
    assertThat(browser.text()).contains("Survival of all partnerships");

    browser.choose("Group by", "By kind").press("Show curves");
    assertThat(browser.path()).startsWith("/survival?by=kind");
    assertThat(browser.text()).contains("Survival by kind of partnership");

    JsonNode answer = api("/api/analytics/survival");
    JsonNode byKind = answer.get("byKind");
    assertThat(byKind.size()).isGreaterThan(1);
    assertThat(browser.table("Medians")).hasSize(byKind.size());
    NumberFormat years = NumberFormat.getNumberInstance(Locale.ENGLISH);
    years.setMinimumFractionDigits(2);
    years.setMaximumFractionDigits(2);
    NumberFormat percent = NumberFormat.getPercentInstance(Locale.ENGLISH);
    percent.setMinimumFractionDigits(1);
    percent.setMaximumFractionDigits(1);
    for (JsonNode curve : byKind) {
      String label = english("kind." + curve.get("group").asText());
      JsonNode median = curve.get("medianYears");
      assertThat(browser.row("Medians", label))
          .containsExactly(
              label,
              curve.get("partnerships").asText(),
              curve.get("discontinued").asText(),
              curve.get("censored").asText(),
              median.isNull()
                  ? "not reached: more than half still running"
                  : years.format(median.asDouble()));
      List<List<String>> expected = new ArrayList<>();
      for (JsonNode step : curve.get("steps")) {
        expected.add(
            List.of(
                years.format(step.get("years").asDouble()),
                step.get("atRisk").asText(),
                step.get("discontinued").asText(),
                step.get("censored").asText(),
                percent.format(step.get("survival").asDouble())));
      }
      assertThat(browser.table("Steps: " + label)).as(label).isEqualTo(expected);
    }

    assertThat(answer.get("leftOut").size()).isEqualTo(answer.get("leftOutStartUnknown").asInt());
    assertThat(browser.text())
        .contains(answer.get("leftOutStartUnknown").asInt() + " partnerships are left out");
    for (JsonNode left : answer.get("leftOut")) {
      assertThat(browser.text()).contains(left.get("name").asText());
    }
    browser.assertAccessible();
    browser.screenshot("survival-en");

    JsonNode first = answer.get("leftOut").get(0);
    browser.press(first.get("name").asText());
    assertThat(browser.path()).isEqualTo("/registry/" + first.get("partnershipId").asText());

    browser.open("/survival?by=kind");
    browser.press("Nederlands");
    assertThat(browser.heading()).isEqualTo("Hoe lang houden samenwerkingen stand?");
    assertThat(browser.text())
        .contains("Overleving naar soort samenwerking", "Medianen", "Weggelaten: start onbekend");
    browser.assertAccessible();
    browser.screenshot("survival-nl");
    browser.press("English");
  }
}
