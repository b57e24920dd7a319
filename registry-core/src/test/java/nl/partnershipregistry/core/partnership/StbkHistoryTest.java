package nl.partnershipregistry.core.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.ContradictsRecordedFact;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.command.AdmitPartner;
import nl.partnershipregistry.core.partnership.command.AssignKeyPerson;
import nl.partnershipregistry.core.partnership.command.ChangePhase;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.DiscontinuePartnership;
import nl.partnershipregistry.core.partnership.command.EnrolCohort;
import nl.partnershipregistry.core.partnership.command.FulfilCommitment;
import nl.partnershipregistry.core.partnership.command.RecordCommitment;
import nl.partnershipregistry.core.partnership.command.RecordEvaluation;
import nl.partnershipregistry.core.partnership.command.RecordGraduations;
import nl.partnershipregistry.core.partnership.command.RecordPartnerDeparture;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plays the history of STBK (Stork Technische Bedrijfskunde), the dual hbo programme that HiTecs, a
 * Stork company, ran with the Hogeschool van Amsterdam from 2001 to 2008, as a registrar enters it
 * from the 2021 retrospective in seed {@code 000_824d176abdbc5ecc.txt}: the end first, the partners
 * later, a wrong date corrected, a contradiction refused.
 */
class StbkHistoryTest {

  private static final PartnershipId STBK = PartnershipId.of("stbk");
  private static final OrganisationId HITECS = OrganisationId.of("hitecs");
  private static final OrganisationId HVA = OrganisationId.of("hva");
  private static final String SEED = "000_824d176abdbc5ecc.txt";
  private static final Recording REGISTRAR =
      Recording.of(Instant.parse("2026-11-02T09:00:00Z"), "registrar");

  private FixtureConfiguration<Partnership> fixture;

  @BeforeEach
  void setUp() {
    fixture = PartnershipFixture.create();
  }

  @Test
  void the_retrospective_is_accepted_in_the_order_a_registrar_enters_it() {
    List<Object> history = historyAsEntered();

    fixture
        .givenCommands(history.subList(0, history.size() - 1))
        .when(history.get(history.size() - 1))
        .expectSuccessfulHandlerExecution();

    PartnershipHistory stored = storedHistory();
    List<PartnershipFact> timeline = stored.timeline();
    assertThat(timeline.get(0).factId()).isEqualTo(FactId.of("stbk-registered"));
    assertThat(timeline.get(timeline.size() - 1).factId())
        .as("the 2021 retrospective, entered second, ends the timeline")
        .isEqualTo(FactId.of("stbk-retrospective"));
    assertThat(timeline)
        .filteredOn(PartnerJoined.class::isInstance)
        .extracting(fact -> ((PartnerJoined) fact).organisationId())
        .containsExactlyInAnyOrder(HITECS, HVA);
    assertThat(timeline)
        .filteredOn(PhaseChanged.class::isInstance)
        .extracting(fact -> ((PhaseChanged) fact).phase())
        .containsExactly(Phase.STRUCTURAL, Phase.WINDING_DOWN);
    PartnershipDiscontinued end =
        (PartnershipDiscontinued)
            timeline.stream()
                .filter(PartnershipDiscontinued.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(end.reason()).isEqualTo(DiscontinuationReason.ECONOMIC_DOWNTURN);
    assertThat(end.occurredOn()).isEqualTo(FactDate.year(2008));
    CohortEnrolled intake =
        (CohortEnrolled)
            timeline.stream().filter(CohortEnrolled.class::isInstance).findFirst().orElseThrow();
    assertThat(intake.participants()).isEqualTo(75);
    assertThat(intake.approximate()).isTrue();
  }

  @Test
  void the_hva_join_date_is_corrected_and_the_corrected_date_counts() {
    List<Object> history = historyAsEntered();

    fixture
        .givenCommands(history)
        .when(
            new CorrectFact(
                STBK,
                FactId.of("stbk-hva-joined-corrected"),
                FactId.of("stbk-hva-joined"),
                "the retrospective dates the cooperation with HvA to the start in 2001",
                admit("stbk-hva-joined", HVA, FactDate.year(2001), PartnerRole.CORE).toFact(),
                cite("the programme ran from 2001 to 2008"),
                REGISTRAR))
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    org.hamcrest.Matchers.instanceOf(FactCorrected.class)),
                org.axonframework.test.matchers.Matchers.andNoMore()));

    assertThat(storedHistory().fact(FactId.of("stbk-hva-joined")))
        .get()
        .extracting(PartnershipFact::occurredOn)
        .isEqualTo(FactDate.year(2001));
  }

  @Test
  void a_commitment_of_hva_dated_2001_is_refused_until_its_join_date_is_corrected() {
    List<Object> history = historyAsEntered();
    RecordCommitment hvaProgrammeManager =
        new RecordCommitment(
            STBK,
            FactId.of("stbk-hva-programme-manager"),
            FactDate.year(2001),
            CommitmentId.of("hva-programme-manager"),
            HVA,
            CommitmentType.PROGRAMME_MANAGER,
            Quantity.of(1, Unit.PERSONS),
            DateRange.between(FactDate.year(2001), FactDate.year(2008)),
            "a programme manager with enough mandate to take decisions",
            cite("programme manager with mandate at the Hogeschool van Amsterdam"),
            REGISTRAR);

    fixture
        .givenCommands(history)
        .when(hvaProgrammeManager)
        .expectException(PartnerNotActive.class);

    history.add(
        new CorrectFact(
            STBK,
            FactId.of("stbk-hva-joined-corrected"),
            FactId.of("stbk-hva-joined"),
            "the cooperation with HvA started with the programme in 2001",
            admit("stbk-hva-joined", HVA, FactDate.year(2001), PartnerRole.CORE).toFact(),
            cite("the programme ran from 2001 to 2008"),
            REGISTRAR));
    fixture = PartnershipFixture.create();
    fixture.givenCommands(history).when(hvaProgrammeManager).expectSuccessfulHandlerExecution();
  }

  @Test
  void the_hitecs_join_cannot_be_retracted_while_its_key_person_and_commitment_rest_on_it() {
    fixture
        .givenCommands(historyAsEntered())
        .when(
            new RetractFact(
                STBK,
                FactId.of("stbk-hitecs-joined-retracted"),
                FactId.of("stbk-hitecs-joined"),
                "a misreading of the source",
                cite("none"),
                REGISTRAR))
        .expectException(ContradictsRecordedFact.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("stbk-hitecs-pm"));
  }

  @Test
  void hitecs_cannot_be_recorded_leaving_before_the_programme_started() {
    fixture
        .givenCommands(historyAsEntered())
        .when(
            new RecordPartnerDeparture(
                STBK,
                FactId.of("stbk-hitecs-left-wrongly"),
                FactDate.year(2000),
                HITECS,
                "a misreading of the source",
                cite("none"),
                REGISTRAR))
        .expectException(FactBeforePartnershipStart.class);
  }

  @Test
  void nothing_new_can_start_after_the_2008_discontinuation() {
    fixture
        .givenCommands(historyAsEntered())
        .when(
            new EnrolCohort(
                STBK,
                FactId.of("stbk-intake-2010"),
                FactDate.year(2010),
                CohortId.of("intake-2010"),
                "intake 2010",
                12,
                false,
                null,
                null,
                cite("invented"),
                REGISTRAR))
        .expectException(PartnershipNotRunning.class);
  }

  /** The facts of the retrospective, in the order a registrar enters them: not chronological. */
  private static List<Object> historyAsEntered() {
    List<Object> commands = new ArrayList<>();
    commands.add(
        new RegisterPartnership(
            STBK,
            FactId.of("stbk-registered"),
            FactDate.year(2001),
            "STBK (Stork Technische Bedrijfskunde)",
            PartnershipKind.DUAL_TRAJECTORY,
            "Amsterdam",
            "technology",
            "a recognised dual hbo degree for mbo-trained technicians with work experience",
            null,
            cite("HiTecs developed a dual study concept in 2001"),
            REGISTRAR));
    commands.add(
        new RecordEvaluation(
            STBK,
            FactId.of("stbk-retrospective"),
            FactDate.month(2021, 5),
            "former HiTecs managers",
            "STBK worked for its students, but rested on one employer that gave no study time"
                + " and stopped it when the economy turned.",
            List.of(
                "the top of company and school must carry a dual programme in good and bad times",
                "employers should give study time",
                "programme managers with mandate are needed on both sides"),
            cite("lessons learned"),
            REGISTRAR));
    commands.add(
        new DiscontinuePartnership(
            STBK,
            FactId.of("stbk-discontinued"),
            FactDate.year(2008),
            DiscontinuationReason.ECONOMIC_DOWNTURN,
            "with the 2008 crisis Stork gradually wound down HiTecs and with it STBK",
            null,
            cite("economic crisis in 2008"),
            REGISTRAR));
    commands.add(
        new ChangePhase(
            STBK,
            FactId.of("stbk-winding-down"),
            FactDate.year(2008),
            Phase.WINDING_DOWN,
            "wound down gradually",
            cite("gradually wound down"),
            REGISTRAR));
    commands.add(admit("stbk-hitecs-joined", HITECS, FactDate.year(2001), PartnerRole.LEAD));
    // Entered with the wrong year at first; one of the tests corrects it.
    commands.add(admit("stbk-hva-joined", HVA, FactDate.year(2002), PartnerRole.CORE));
    commands.add(
        new ChangePhase(
            STBK,
            FactId.of("stbk-structural"),
            FactDate.year(2005),
            Phase.STRUCTURAL,
            "first diplomas awarded",
            cite("first diplomas in 2005"),
            REGISTRAR));
    commands.add(
        new AssignKeyPerson(
            STBK,
            FactId.of("stbk-hitecs-pm"),
            FactDate.year(2001),
            KeyPersonId.of("hitecs-programme-manager"),
            "HiTecs programme manager",
            KeyPersonRole.PROGRAMME_MANAGER,
            HITECS,
            true,
            cite("programme manager reporting directly to the HiTecs board"),
            REGISTRAR));
    commands.add(
        new RecordCommitment(
            STBK,
            FactId.of("stbk-hitecs-programme-manager"),
            FactDate.year(2001),
            CommitmentId.of("hitecs-programme-manager"),
            HITECS,
            CommitmentType.PROGRAMME_MANAGER,
            Quantity.of(1, Unit.PERSONS),
            DateRange.between(FactDate.year(2001), FactDate.year(2008)),
            "a programme manager as the pivot on the employer side",
            cite("programme manager of HiTecs"),
            REGISTRAR));
    commands.add(
        new FulfilCommitment(
            STBK,
            FactId.of("stbk-hitecs-programme-manager-fulfilled"),
            FactDate.year(2008),
            CommitmentId.of("hitecs-programme-manager"),
            null,
            "the programme manager carried the programme until it was wound down",
            cite("programme manager of HiTecs"),
            REGISTRAR));
    commands.add(
        new EnrolCohort(
            STBK,
            FactId.of("stbk-intake"),
            FactDate.year(2001),
            CohortId.of("intake-2001-2008"),
            "all intake 2001-2008, partly from other employers",
            75,
            true,
            null,
            null,
            cite("about 75 candidates took part"),
            REGISTRAR));
    commands.add(
        new RecordGraduations(
            STBK,
            FactId.of("stbk-diplomas"),
            FactDate.year(2008),
            CohortId.of("intake-2001-2008"),
            55,
            true,
            null,
            cite("about 55 obtained the diploma"),
            REGISTRAR));
    return commands;
  }

  private static AdmitPartner admit(
      String factId, OrganisationId organisation, FactDate date, PartnerRole role) {
    return new AdmitPartner(
        STBK,
        FactId.of(factId),
        date,
        organisation,
        role,
        cite("cooperation of HiTecs with the Hogeschool van Amsterdam"),
        REGISTRAR);
  }

  private static SourceCitation cite(String passage) {
    return new SourceCitation(SEED, passage, null, "retrospective by participants, 2021");
  }

  private PartnershipHistory storedHistory() {
    PartnershipHistory history = new PartnershipHistory();
    fixture
        .getEventStore()
        .readEvents(STBK.value())
        .asStream()
        .map(EventMessage::getPayload)
        .map(PartnershipEvent.class::cast)
        .forEach(history::add);
    return history;
  }
}
