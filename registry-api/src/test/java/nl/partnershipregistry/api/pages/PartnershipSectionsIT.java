package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * People reading a partnership's page section by section, on the demo data, in a browser: a funder
 * asks whether STBK hung on one employer in 2007 and follows the evidence to the timeline, reads
 * its partners' groups, key persons, Katapult profile and cohorts; an auditor asks what the
 * registry knew about Care Academy Veluwe's funding before a registrar recorded its amounts and a
 * partner's commitment, and reads the chart's table and the ledger; a reader sees the same page in
 * Dutch. Each page passes axe-core and leaves a screenshot.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipSectionsIT extends BrowserJourney {

  static final String FUNDING = "Funding per year, by type (the chart's figures)";
  static final String CARE = "/api/partnerships/care-academy-veluwe";

  Instant beforeTheAmounts;

  @BeforeAll
  void record_care_academys_amounts() {
    beforeTheAmounts = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    waitUntilAfter(beforeTheAmounts);
    record(
        CARE + "/funding",
        "{\"factId\":\"care-funding-province-2017\",\"occurredOn\":\"2017-01-01\","
            + "\"fundingId\":\"province-2017\",\"fundingType\":\"SUBSIDY\","
            + "\"instrument\":\"REGIONAL_GOVERNMENT\",\"funder\":\"Provincie Gelderland\","
            + "\"amount\":120000,\"period\":{\"from\":\"2017-01-01\",\"until\":\"2017-12-31\"},"
            + "\"source\":{\"document\":\"jaarverslag-2017.pdf\",\"passage\":\"p. 4\"}}");
    record(
        CARE + "/funding",
        "{\"factId\":\"care-funding-fees-2017\",\"occurredOn\":\"2017-01-01\","
            + "\"fundingId\":\"fees-2017\",\"fundingType\":\"MEMBER_FEES\","
            + "\"funder\":\"the member institutions\",\"amount\":30000.50,"
            + "\"period\":{\"from\":\"2017-01-01\",\"until\":\"2017-12-31\"},"
            + "\"source\":{\"document\":\"jaarverslag-2017.pdf\",\"passage\":\"p. 5\"}}");
    record(
        CARE + "/commitments",
        "{\"factId\":\"care-commitment-placements\",\"occurredOn\":\"2016-09\","
            + "\"commitmentId\":\"placements-2016\",\"organisationId\":\"s-heeren-loo\","
            + "\"commitmentType\":\"PLACEMENTS\",\"quantity\":{\"amount\":40,\"unit\":\"PLACES\"},"
            + "\"period\":{\"from\":\"2016-09\",\"until\":\"2017-08\"},"
            + "\"description\":\"Work placements for mbo care students\","
            + "\"source\":{\"document\":\"convenant-2016.pdf\",\"passage\":\"art. 3\"}}");
    record(
        CARE + "/commitment-partial-fulfilments",
        "{\"factId\":\"care-commitment-placements-partial\",\"occurredOn\":\"2017-08\","
            + "\"commitmentId\":\"placements-2016\",\"delivered\":{\"amount\":30,\"unit\":\"PLACES\"},"
            + "\"explanation\":\"Ten places stayed empty\","
            + "\"source\":{\"document\":\"jaarverslag-2017.pdf\",\"passage\":\"p. 9\"}}");
  }

  @Test
  void a_funder_asks_whether_stbk_hung_on_one_employer_in_2007_and_follows_the_evidence()
      throws IOException {
    signIn("funder");
    browser.open("/registry/stbk?asOf=2007-07-01");

    assertThat(browser.text()).contains("On this page", "As of 1 July 2007");
    List<String> concentration = browser.row("Durability", "Does it hang on one employer?");
    assertThat(concentration.get(1)).as("one employer group, Stork").isEqualTo("! At risk");
    assertThat(concentration.get(2))
        .startsWith("largest group Stork: 1 of 1 active employer partners");
    assertThat(concentration.get(3))
        .startsWith("at risk when one employer group has more than half");
    String evidence = concentration.get(4);
    assertThat(evidence).contains("stbk-partner-hitecs");
    browser.jumpTo("stbk-partner-hitecs");
    assertThat(browser.path()).endsWith("#fact-stbk-partner-hitecs");
    assertThat(browser.table("The facts in the order they happened, with their sources"))
        .anySatisfy(row -> assertThat(String.join(" ", row)).contains("stbk-partner-hitecs"));

    assertThat(browser.row("Active partners", "HiTecs B.V."))
        .containsExactly("HiTecs B.V.", "Lead partner (penvoerder)", "Employer", "Stork", "2001");
    assertThat(browser.row("Key persons", "Programme manager of HiTecs (name not given)"))
        .containsExactly(
            "Programme manager of HiTecs (name not given)",
            "Programme manager",
            "HiTecs B.V.",
            "with mandate",
            "2001");
    assertThat(browser.text())
        .contains("Type (centre of gravity): Entrepreneur")
        .contains(
            "100% of the active activities led from outside education, 100% in formal learning.");
    assertThat(browser.row("The active activity by type", "Entrepreneur"))
        .containsExactly("Entrepreneur", "1");
    browser.assertAccessible();
    browser.screenshot("partnership-state-en");

    browser.open("/registry/stbk");
    List<String> cohort =
        browser.row(
            "Participants per cohort", "All participants 2001-2008, some from other employers");
    assertThat(cohort)
        .containsExactly(
            "All participants 2001-2008, some from other employers",
            "2001",
            "about 75",
            "0",
            "about 55",
            "about 73.3%");
    assertThat(browser.text())
        .contains("No funding recorded up to this day.", "No commitment recorded up to this day.");
    browser.assertAccessible();
    browser.screenshot("partnership-cohorts-en");
  }

  @Test
  void an_auditor_reads_what_the_registry_knew_about_care_academys_funding_before_its_amounts()
      throws IOException {
    signIn("auditor");
    String aMonthAgo = java.time.LocalDate.now().minusMonths(1).toString();
    browser.open("/registry/care-academy-veluwe?asOf=2017-10-01&asKnownOn=" + aMonthAgo);
    assertThat(browser.text())
        .contains("The registry did not yet know a partnership under \"care-academy-veluwe\" on");
    browser.assertAccessible();
    browser.press("See it as the registry knows it now");
    assertThat(browser.heading()).isEqualTo("Care Academy Veluwe");
    assertThat(browser.text()).contains("As of 1 October 2017");

    browser.open("/registry/care-academy-veluwe?asOf=2017-10-01&asKnownOn=" + beforeTheAmounts);
    assertThat(browser.table(FUNDING))
        .contains(
            List.of(
                "2017",
                "amount unknown",
                "none known",
                "100%, whatever the unknown amounts",
                "Subsidy: subsidy providers, not named in the source"));
    // 's Heeren Loo provides "de projectleiders": at least two, as the page says.
    assertThat(browser.text()).contains("at least 2 persons");

    browser.open("/registry/care-academy-veluwe?asOf=2017-10-01");
    assertThat(browser.row(FUNDING, "2017"))
        .containsExactly(
            "2017",
            "€120,000.00 + amount unknown",
            "€30,000.50",
            "€150,000.50",
            "80% of the known amounts; between 80% and 100% with the unknown amounts",
            "Subsidy: subsidy providers, not named in the source");
    assertThat(browser.row(FUNDING, "2016"))
        .containsExactly(
            "2016",
            "amount unknown",
            "–",
            "none known",
            "100%, whatever the unknown amounts",
            "Subsidy: subsidy providers, not named in the source");
    assertThat(browser.text())
        .as("the chart's legend, subsidy shares and cliff")
        .contains("Subsidy", "Member fees", "funding without a known amount", "80%–100%", "cliff");
    browser.assertAccessible();
    browser.screenshot("partnership-funding-en");

    List<String> placements =
        browser.row("'s Heeren Loo: fulfilment rate 75%", "Placements or apprenticeships");
    assertThat(placements)
        .containsExactly(
            "Placements or apprenticeships",
            "September 2016 – August 2017",
            "40 places",
            "30 places",
            "½ Partially fulfilled Ten places stayed empty",
            "August 2017");
    browser.jumpTo("Commitments");
    assertThat(browser.path()).endsWith("#commitments");
    browser.assertAccessible();
    browser.screenshot("partnership-commitments-en");
  }

  @Test
  void a_reader_sees_the_sections_in_dutch() throws IOException {
    signIn("researcher");
    browser.open("/registry/care-academy-veluwe?asOf=2017-10-01");
    browser.press("Nederlands");
    assertThat(browser.text())
        .contains("Op deze pagina", "Financiering", "Toezeggingen", "Cohorten", "Sleutelpersonen");
    assertThat(browser.row("Financiering per jaar, naar soort (de cijfers van de grafiek)", "2017"))
        .containsExactly(
            "2017",
            "€ 120.000,00 + bedrag onbekend",
            "€ 30.000,50",
            "€ 150.000,50",
            "80% van de bekende bedragen; met de onbekende bedragen tussen 80% en 100%",
            "Subsidie: subsidy providers, not named in the source");
    assertThat(browser.row("'s Heeren Loo: nakomingsgraad 75%", "Stage- of leerwerkplaatsen"))
        .contains("40 plaatsen", "30 plaatsen", "½ Deels nagekomen Ten places stayed empty");
    assertThat(browser.row("Duurzaamheid", "Hangt het aan één werkgever?").get(3))
        .startsWith("in gevaar als één concern van werkgevers meer dan de helft heeft");
    assertThat(browser.text()).contains("Type (zwaartepunt): Katalysator");
    browser.assertAccessible();
    browser.screenshot("partnership-funding-nl");
    browser.press("English");
  }
}
