package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A funder reads a partnership's renewal dossier as known at the end of the decision day and prints
 * it; an auditor sees a correction in "what changed in what we knew" and the verdict it turned. The
 * facts these journeys record stay in a registry of their own (its own context, closed after), so
 * that other journeys on the demo data do not see them.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=always",
      "spring.application.name=registry-dossier-and-changes"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierAndChangesIT extends BrowserJourney {

  static final String RDM = "rdm-centre-of-expertise";
  static final String PERRON = "perron038";
  static final String SOURCE =
      "\"source\":{\"document\":\"perron038-covenant-2025.pdf\",\"passage\":\"art. 1\"}";

  @Test
  void a_funder_reads_the_renewal_dossier_of_the_decision_day_and_prints_it() throws IOException {
    record(
        RDM,
        "commitments",
        "{\"factId\":\"rdm-commitment-havenbedrijf-places\",\"occurredOn\":\"2016\","
            + "\"commitmentId\":\"havenbedrijf-places\",\"organisationId\":\"havenbedrijf-rotterdam\","
            + "\"commitmentType\":\"PLACEMENTS\",\"quantity\":{\"amount\":30,\"unit\":\"PLACES\"},"
            + "\"period\":{\"from\":\"2016\",\"until\":\"2018\"},"
            + "\"description\":\"Placements for students on the port's sites.\","
            + "\"source\":{\"document\":\"rdm-annual-report-2018.pdf\",\"passage\":\"p. 12\"}}");
    record(
        RDM,
        "commitment-partial-fulfilments",
        "{\"factId\":\"rdm-commitment-havenbedrijf-places-delivered\",\"occurredOn\":\"2018-12\","
            + "\"commitmentId\":\"havenbedrijf-places\","
            + "\"delivered\":{\"amount\":20,\"unit\":\"PLACES\"},"
            + "\"explanation\":\"Twenty students were placed.\","
            + "\"source\":{\"document\":\"rdm-annual-report-2018.pdf\",\"passage\":\"p. 14\"}}");
    String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();

    signIn("funder");
    browser.open("/registry/" + RDM);
    browser.fillIn("Decision date", today).press("Open the renewal dossier");
    assertThat(browser.heading()).isEqualTo("Renewal dossier: RDM Centre of Expertise");
    assertThat(browser.text())
        .contains("Decision date", "as known at the end of that day", "Open warnings", "Evidence");
    // The port's row for the placements (the demo data also has its campus complex).
    assertThat(
            browser.table("Per partner, each commitment and what became of it").stream()
                .filter(row -> row.contains("Placements or apprenticeships"))
                .findFirst()
                .orElseThrow())
        .containsSubsequence(
            "Havenbedrijf Rotterdam",
            "Placements or apprenticeships",
            "2016 – 2018",
            "30 places",
            "20 places",
            "Partly fulfilled (December 2018)");
    assertThat(
            browser.table("Every subsidy, its end, and the phase 12 and 24 months after it ended"))
        .anySatisfy(row -> assertThat(row).contains("unknown", "c. 2005 –", "no later than 2015"));
    assertThat(browser.table("The facts the dossier rests on, with their sources"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .contains("2016")
                    .anySatisfy(cell -> assertThat(cell).contains("rdm-annual-report-2018.pdf")));
    assertThat(
            browser
                .row(
                    "Each durability condition on the decision date, with the facts it rests on",
                    "Do partners deliver?")
                .get(1))
        .matches("[✓!?] (Holds|At risk|Unknown)");
    browser.assertAccessible();
    browser.screenshot("dossier-en");

    byte[] pdf = browser.print("dossier");
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/Type /Page");
    browser.emulatePrint(true);
    assertThat(browser.text())
        .contains("Renewal dossier: RDM Centre of Expertise", "as known at the end of that day")
        .doesNotContain("Show the dossier", "Sign out", "Back to RDM Centre of Expertise");
    browser.screenshot("dossier-print-en");
    browser.emulatePrint(false);

    browser.fillIn("Decision date", "1 March").press("Show the dossier");
    assertThat(browser.text())
        .contains(
            "There is a problem",
            "Enter the decision date as year-month-day, for example 2017-03-01.",
            "Today, ");
    browser.assertAccessible();

    browser.open("/registry/" + RDM + "/dossier?decisionDate=" + today).press("Nederlands");
    assertThat(browser.heading()).isEqualTo("Dossier voor verlenging: RDM Centre of Expertise");
    assertThat(browser.text()).contains("Toezeggingen: beloofd en geleverd", "Onderbouwing");
    assertThat(
            browser.table("Per partner elke toezegging en wat ervan terechtkwam").stream()
                .filter(row -> row.contains("Stage- of leerwerkplaatsen"))
                .findFirst()
                .orElseThrow())
        .contains("Deels nagekomen (december 2018)");
    browser.assertAccessible();
    browser.screenshot("dossier-nl");
    browser.press("English");
  }

  @Test
  void an_auditor_sees_a_correction_in_what_changed_and_the_verdict_it_turned() throws IOException {
    record(
        PERRON,
        "governance",
        "{\"factId\":\"perron038-governance\",\"occurredOn\":\"2025\",\"form\":\"COVENANT\","
            + "\"entityName\":\"Convenant Perron038\","
            + SOURCE
            + "}");
    Instant between = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    waitUntilAfter(between);
    record(
        PERRON,
        "corrections",
        "{\"factId\":\"perron038-governance-corrected\",\"correctedFactId\":\"perron038-governance\","
            + "\"reason\":\"The covenant was drafted but never signed\","
            + "\"replacement\":{\"type\":\"GovernanceEstablished\",\"factId\":\"perron038-governance\","
            + "\"occurredOn\":\"2025\",\"form\":\"NONE\","
            + SOURCE
            + "},"
            + "\"source\":{\"document\":\"perron038-letter-2026.pdf\",\"passage\":\"p. 1\"}}");

    signIn("auditor");
    browser.open("/registry/" + PERRON);
    List<String> now = browser.row("Durability", "Is there a formal platform?");
    assertThat(now.get(1)).isEqualTo("! At risk");
    assertThat(now.get(2)).startsWith("none");

    browser.fillIn("As known on (the registry's knowledge)", between.toString()).press("Show");
    List<String> before = browser.row("Durability", "Is there a formal platform?");
    assertThat(before.get(1)).isEqualTo("✓ Holds");
    assertThat(before.get(2)).startsWith("covenant Convenant Perron038");

    browser.press("What changed in what we knew");
    assertThat(browser.heading()).isEqualTo("What changed in what we knew: Perron038, Zwolle");
    assertThat(browser.text()).contains("knew nothing of this partnership yet");
    browser.fillIn("Known on (earlier)", between.toString()).press("Show what changed");
    List<String> correction =
        browser
            .table("1 fact whose knowledge changed, in the order the changes were recorded")
            .get(0);
    assertThat(correction.get(0)).isEqualTo("Corrected");
    assertThat(correction.get(1)).startsWith("Governance established perron038-governance");
    assertThat(correction.get(2)).contains("2025", "Form: COVENANT");
    assertThat(correction.get(3)).contains("2025", "Form: NONE");
    assertThat(correction.get(4))
        .contains(
            "by registrar: The covenant was drafted but never signed",
            "Source: perron038-letter-2026.pdf");
    assertThat(browser.row("Durability verdicts that changed", "Is there a formal platform?"))
        .containsSubsequence("✓ Holds", "! At risk")
        .contains("perron038-governance");
    browser.assertAccessible();
    browser.screenshot("changes-en");

    browser.press("Nederlands");
    assertThat(browser.heading())
        .isEqualTo("Wat er veranderde in wat we wisten: Perron038, Zwolle");
    assertThat(
            browser.row(
                "Oordelen over duurzaamheid die veranderden", "Is er een formeel platform?"))
        .containsSubsequence("✓ Voldoet", "! In gevaar");
    browser.assertAccessible();
    browser.screenshot("changes-nl");
    browser.press("English");

    browser.fillIn("Known on (earlier)", "yesterday").press("Show what changed");
    assertThat(browser.text()).contains("There is a problem", "Enter the earlier moment as a day");
    browser.assertAccessible();
  }

  void record(String partnership, String path, String body) {
    record("/api/partnerships/" + partnership + "/" + path, body);
  }
}
