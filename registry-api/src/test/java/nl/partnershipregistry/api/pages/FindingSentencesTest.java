package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KatapultType;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.common.Findings;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The pages say a finding with their messages: the English messages of the findings are the
 * registry's own English texts (so an English page says what the answer's sentence says), every one
 * has a Dutch text, and a finding reads in Dutch with Dutch words, dates, numbers, shares, euros
 * and labels, or as the answer's English sentence where the messages lack its text.
 */
class FindingSentencesTest {

  private static final Pattern PLACE = Pattern.compile("\\{(\\d+)}");

  /** Texts whose words Dutch writes as English does. */
  private static final Set<String> SAME_IN_DUTCH = Set.of("finding.n.school");

  private final ResourceBundleMessageSource messages = messages();
  private final FindingSentences dutch = new FindingSentences(messages, Languages.DUTCH);
  private final FindingSentences english = new FindingSentences(messages, Languages.ENGLISH);

  @Test
  void the_english_messages_are_the_registrys_own_texts_and_each_has_a_dutch_one()
      throws IOException {
    Properties en = properties("messages.properties");
    Properties nl = properties("messages_nl.properties");

    Findings.englishTexts()
        .forEach(
            (key, text) -> {
              assertThat(en.getProperty(key)).as(key).isEqualTo(text);
              assertThat(nl.getProperty(key)).as(key + " in Dutch").isNotBlank();
              assertThat(places(nl.getProperty(key)))
                  .as(key + ": the Dutch text says only what the English one has")
                  .isSubsetOf(places(text));
              if (!text.replaceAll("\\{\\d+}|[^A-Za-z]", "").isEmpty()
                  && !SAME_IN_DUTCH.contains(key)) {
                assertThat(nl.getProperty(key)).as(key).isNotEqualTo(text);
              }
            });
    Set<String> findings = new TreeSet<>();
    en.stringPropertyNames().stream().filter(k -> k.startsWith("finding.")).forEach(findings::add);
    nl.stringPropertyNames().stream().filter(k -> k.startsWith("finding.")).forEach(findings::add);
    assertThat(findings).isEqualTo(new TreeSet<>(Findings.englishTexts().keySet()));
    for (DiscontinuationReason reason : DiscontinuationReason.values()) {
      assertThat(en.getProperty("reason." + reason)).as(reason.name()).isNotBlank();
      assertThat(nl.getProperty("reason." + reason)).as(reason.name()).isNotBlank();
    }
  }

  @Test
  void a_durability_finding_reads_in_dutch_with_the_answers_figures() {
    Finding concentration =
        finding(
            "finding.EMPLOYER_CONCENTRATION.groups",
            "Stork",
            1L,
            1,
            percent("1"),
            2L,
            2,
            percent("1"),
            new BigDecimal("1.0000"),
            new BigDecimal("1.0000"),
            finding(
                "finding.EMPLOYER_CONCENTRATION.byVolume",
                new Finding.Joined(
                    ", ",
                    List.of(
                        finding(
                            "finding.EMPLOYER_CONCENTRATION.volume",
                            "Stork",
                            new BigDecimal("2000"),
                            new BigDecimal("2000"),
                            Unit.HOURS,
                            percent("1"),
                            new BigDecimal("1.0000"))))));

    assertThat(dutch.say(concentration, "English"))
        .isEqualTo(
            "grootste concern Stork: 1 van 1 actieve werkgeverspartners (100%), 2 van 2"
                + " toezeggingen van werkgevers (100%); HHI van de partners 1,0000, van de"
                + " toezeggingen 1,0000; naar omvang: Stork 2.000 van 2.000 uur (100%, HHI 1,0000)");
    assertThat(english.say(concentration, "English"))
        .isEqualTo(
            "largest group Stork: 1 of 1 active employer partners (100%), 2 of 2 employer"
                + " commitments (100%); HHI of partners 1.0000, of commitments 1.0000; by volume:"
                + " Stork 2,000 of 2,000 hours (100%, HHI 1.0000)");

    assertThat(
            dutch.say(
                finding(
                    "finding.EMPLOYER_DEMAND.employers",
                    finding("finding.n.employerPartner", 1L),
                    finding("finding.n.employerCommitments", 0L),
                    0L,
                    0L,
                    LocalDate.parse("2007-07-01")),
                "English"))
        .isEqualTo(
            "1 werkgeverspartner; 0 toezeggingen van werkgevers, waarvan 0 lopend en 0 gedaan in"
                + " de 24 maanden vóór 1 juli 2007");
    assertThat(
            dutch.say(
                finding(
                    "finding.SUBSIDY_DEPENDENCE.shares",
                    Year.of(2016),
                    percent("0.2"),
                    new Finding.Euros(new BigDecimal("1250000.00")),
                    percent("0.8"),
                    FundingMix.Trend.RISING,
                    finding("finding.n.subsidyCliffAhead", 1L)),
                "English"))
        .isEqualTo(
            "in 2016 is subsidie 20% van € 1.250.000,00, eigen inkomsten 80% (trend stijgend); 1"
                + " subsidieklif in het verschiet");
    assertThat(
            dutch.say(
                finding(
                    "finding.SURVIVED_SUBSIDY.subsidies",
                    new Finding.Joined(
                        "; ",
                        List.of(
                            finding(
                                "finding.SURVIVED_SUBSIDY.subsidy",
                                "efro",
                                LocalDate.parse("2012-12-31"),
                                Phase.STRUCTURAL,
                                finding("finding.SURVIVED_SUBSIDY.notYetKnown"))))),
                "English"))
        .isEqualTo(
            "subsidie efro, geëindigd op 31 december 2012: structureel na 12 maanden, nog niet"
                + " bekend na 24 maanden");
    assertThat(
            dutch.say(
                finding(
                    "finding.KEY_PERSON_DEPENDENCE.persons",
                    finding("finding.n.keyPerson", 1L),
                    1,
                    finding("finding.KEY_PERSON_DEPENDENCE.pioneerGone"),
                    finding(
                        "finding.KEY_PERSON_DEPENDENCE.vacant",
                        new Finding.Joined(", ", List.of(KeyPersonRole.PIONEER)))),
                "English"))
        .isEqualTo(
            "1 sleutelpersoon actief; 1 vertrokken zonder opvolger; de pionier vertrok zonder"
                + " opvolger; vacante rollen: pionier");
    assertThat(
            dutch.say(
                finding(
                    "finding.FORMAL_PLATFORM.noForm",
                    GovernanceForm.NONE,
                    FactDate.parse("2014"),
                    FactDate.parse("2010-03")),
                "English"))
        .isEqualTo("geen formele vorm sinds 2014 (voor het eerst ingesteld: maart 2010)");
    assertThat(
            dutch.say(
                finding(
                    "finding.EDUCATION_MOVES.activities",
                    finding("finding.n.activeActivities", 2L),
                    new Finding.Joined(
                        ", ",
                        List.of(
                            finding("finding.EDUCATION_MOVES.type", KatapultType.TRAINER, 1),
                            finding("finding.EDUCATION_MOVES.type", KatapultType.CATALYST, 1))),
                    finding("finding.EDUCATION_MOVES.undecided"),
                    1L,
                    1),
                "English"))
        .isEqualTo(
            "2 lopende activiteiten, per Katapult-type: 1 opleider, 1 katalysator (zwaartepunt:"
                + " onbeslist); 1 formeel, 1 in een flexibele vorm");
    assertThat(
            dutch.say(
                finding(
                    "finding.ENDING.discontinuedExplained",
                    FactDate.parse("2014-06"),
                    DiscontinuationReason.ECONOMIC_DOWNTURN,
                    "as the source tells",
                    finding(
                        "finding.ENDING.before",
                        new Finding.Joined(
                            "; ",
                            List.of(
                                finding(
                                    "finding.ENDING.step.FundingEnded",
                                    FactDate.parse("2013-06"),
                                    "start"),
                                finding(
                                    "finding.ENDING.step.PhaseChanged",
                                    FactDate.parse("2014-01"),
                                    Phase.WINDING_DOWN))))),
                "English"))
        .isEqualTo(
            "beëindigd (juni 2014): economische neergang (as the source tells); daarvoor: juni"
                + " 2013: financiering start beëindigd; januari 2014: fase afbouw");
  }

  @Test
  void the_dossiers_warnings_read_in_dutch() {
    Finding delivery =
        finding(
            "finding.PARTNER_DELIVERY.rate",
            percent("0"),
            0,
            0,
            1,
            0,
            1,
            finding(
                "finding.PARTNER_DELIVERY.delivered",
                new Finding.Joined(
                    ", ",
                    List.of(
                        finding(
                            "finding.PARTNER_DELIVERY.unit",
                            new BigDecimal("0"),
                            new BigDecimal("50000"),
                            Unit.EUR,
                            percent("0"))))));
    assertThat(
            dutch.say(
                finding(
                    "finding.CONDITION_AT_RISK.condition", Condition.PARTNER_DELIVERY, delivery),
                "English"))
        .isEqualTo(
            "Leveren partners wat ze beloven? nakomingsgraad 0%: 0 nagekomen, 0 deels nagekomen, 1"
                + " gebroken, 0 ingetrokken, 1 lopend; geleverd: 0 van 50.000 euro (0%)");
    assertThat(
            dutch.say(
                finding(
                    "finding.SUBSIDY_CLIFF.cliff",
                    "rif-2",
                    SubsidyInstrument.RIF,
                    new Finding.Euros(new BigDecimal("900000")),
                    LocalDate.parse("2017-12-31"),
                    finding("finding.SUBSIDY_CLIFF.share", percent("1"))),
                "English"))
        .isEqualTo(
            "subsidie rif-2 (RIF, € 900.000,00) eindigt op 31 december 2017, binnen 12 maanden,"
                + " en draagt 100% van de lopende financiering; er is geen verlenging of"
                + " vervanging vastgelegd");
    assertThat(
            dutch.say(
                finding(
                    "finding.SUBSIDY_CLIFF.cliff",
                    "eu",
                    finding("finding.SUBSIDY_CLIFF.noInstrument"),
                    finding("finding.SUBSIDY_CLIFF.amountUnknown"),
                    LocalDate.parse("2016-12-31"),
                    finding("finding.SUBSIDY_CLIFF.unknownShare")),
                "English"))
        .isEqualTo(
            "subsidie eu (geen instrument, bedrag onbekend) eindigt op 31 december 2016, binnen"
                + " 12 maanden, en draagt een onbekend deel (geen bron noemt het bedrag); er is"
                + " geen verlenging of vervanging vastgelegd");
    assertThat(
            dutch.say(
                finding(
                    "finding.COMMITMENT_OVERDUE.commitment",
                    "places",
                    "Installatiebedrijf",
                    new Quantity(new BigDecimal("20"), Unit.PLACES),
                    CommitmentType.PLACEMENTS,
                    FactDate.parse("2016")),
                "English"))
        .isEqualTo(
            "toezegging places van Installatiebedrijf (stage- of leerwerkplaatsen: 20 plaatsen)"
                + " liep tot 2016 en is niet afgerond");
    assertThat(
            dutch.say(
                finding(
                    "finding.COMMITMENT_NOT_KEPT.broken",
                    "money",
                    "Installatiebedrijf",
                    FactDate.parse("2016-06")),
                "English"))
        .isEqualTo("toezegging money van Installatiebedrijf is gebroken (juni 2016)");
  }

  @Test
  void a_finding_without_a_text_is_shown_as_the_answers_english_sentence() {
    assertThat(dutch.say(finding("finding.UNHEARD_OF", 1L), "as the answer says it"))
        .isEqualTo("as the answer says it");
    assertThat(
            dutch.say(
                finding("finding.CONDITION_AT_RISK.condition", Condition.ENDING, finding("x.y")),
                "Why did it end? as the answer says it"))
        .isEqualTo("Why did it end? as the answer says it");
    assertThat(dutch.say(null, "no finding given")).isEqualTo("no finding given");
  }

  private static Finding finding(String key, Object... arguments) {
    return new Finding(key, Arrays.asList(arguments));
  }

  private static Finding.Percent percent(String fraction) {
    return new Finding.Percent(new BigDecimal(fraction));
  }

  private static Set<String> places(String text) {
    Set<String> places = new TreeSet<>();
    Matcher place = PLACE.matcher(text.replace("'{'", "").replace("'}'", ""));
    while (place.find()) {
      places.add(place.group(1));
    }
    return places;
  }

  /** The pages' messages as Spring Boot configures them. */
  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  private static Properties properties(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FindingSentencesTest.class.getClassLoader().getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
