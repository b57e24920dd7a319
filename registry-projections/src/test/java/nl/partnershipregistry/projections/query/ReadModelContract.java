package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.school;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.audit.FindAuditTrail;
import nl.partnershipregistry.projections.query.cohort.FindCohortOutcomes;
import nl.partnershipregistry.projections.query.dossier.FindRenewalDossier;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.funding.FindFundingMix;
import nl.partnershipregistry.projections.query.ledger.FindCommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.FindTrackRecord;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the read models promise whatever MongoDB holds them: a rebuild from the first event gives
 * the same answer to every question, and an event delivered twice changes none.
 */
abstract class ReadModelContract {

  private static final Instant CORRECTED = Instant.parse("2021-03-01T09:00:00Z");

  private ReadModelFixture readModels;
  private final List<PartnershipId> partnerships = new ArrayList<>();

  protected abstract ReadModelFixture fixture();

  @BeforeEach
  void feedHistories() {
    readModels = fixture();
    Stbk stbk = new Stbk();
    stbk.story.cohort("2001-09", "intake", 75);
    stbk.story.graduated("2008", "intake", 55);
    readModels.feed(stbk.all().toArray());
    Story cove = new Story("cove");
    readModels.feed(
        school("roc", "ROC", SchoolLevel.MBO), employer("installer", "Installatiebedrijf"));
    cove.registered("2010", "CoVE Installatietechniek", PartnershipKind.COVE_CIV);
    cove.joined("2010", "roc", PartnerRole.LEAD);
    PartnerJoined installer = cove.joined("2010", "installer", PartnerRole.MEMBER);
    cove.keyPerson("2010", "manager", KeyPersonRole.PROGRAMME_MANAGER, "roc", true);
    cove.funding("2010", "rif", FundingType.SUBSIDY, 800_000, "2010", "2013");
    cove.funding("2012", "fees", FundingType.MEMBER_FEES, 60_000, "2012", "2014");
    cove.commitment(
        "2011", "places", "installer", CommitmentType.PLACEMENTS, 20, Unit.PLACES, "2011", "2013");
    cove.partlyFulfilled("2013-12", "places", 15, Unit.PLACES);
    cove.governance("2012", GovernanceForm.COVENANT, null);
    cove.phase("2012", Phase.STRUCTURAL);
    cove.discontinued("2016", DiscontinuationReason.SUBSIDY_ENDED);
    cove.recordedOn(CORRECTED)
        .by("auditor")
        .corrected(
            new PartnerJoined(
                cove.id(),
                installer.factId(),
                installer.occurredOn(),
                installer.organisationId(),
                PartnerRole.CORE,
                Story.SOURCE,
                installer.recorded()),
            "a core partner from the start");
    readModels.feed(cove.events().toArray());
    partnerships.add(stbk.story.id());
    partnerships.add(cove.id());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  /** Every question, on a few dates and states of knowledge. */
  private List<Object> everyAnswer() {
    List<Object> answers = new ArrayList<>();
    PartnershipQueries one = readModels.partnerships();
    RegistryQueries all = readModels.registry();
    for (String asOf : new String[] {"2004-06-01", "2012-06-01", "2017-01-01"}) {
      LocalDate day = LocalDate.parse(asOf);
      for (Instant knownOn : new Instant[] {null, CORRECTED.minusSeconds(1)}) {
        for (PartnershipId id : partnerships) {
          answers.add(one.handle(new FindPartnershipState(id, day, knownOn)));
          answers.add(one.handle(new FindTimeline(id, day, knownOn)));
          answers.add(one.handle(new FindFundingMix(id, day, knownOn)));
          answers.add(one.handle(new FindCommitmentLedger(id, day, knownOn)));
          answers.add(one.handle(new FindCohortOutcomes(id, day, knownOn)));
          answers.add(one.handle(new FindDurabilityIndicators(id, day, knownOn)));
          answers.add(one.handle(new FindRenewalDossier(id, day, knownOn)));
          answers.add(one.handle(new FindAuditTrail(id, knownOn)));
        }
        answers.add(
            all.handle(
                new FindPartnerships(
                    null, null, null, null, null, null, day, knownOn, null, null)));
        answers.add(all.handle(new FindSurvivalCurves(day, knownOn)));
        answers.add(all.handle(new FindTrackRecord(OrganisationId.of("stork"), day, knownOn)));
      }
    }
    answers.add(all.handle(FindProjectionPosition.overall()));
    return answers;
  }

  @Test
  void a_rebuild_from_the_first_event_gives_the_same_answer_to_every_question() {
    List<Object> before = everyAnswer();

    readModels.projection().reset();
    assertThat(readModels.registry().handle(FindPartnerships.all()).total()).isZero();
    readModels.deliverAllAgain();

    assertThat(everyAnswer()).isEqualTo(before);
  }

  @Test
  void a_rebuild_in_processor_batches_gives_the_same_answer_to_every_question() {
    List<Object> before = everyAnswer();

    readModels.projection().reset();
    readModels.deliverAllAgainInBatches(7);

    assertThat(everyAnswer()).isEqualTo(before);
  }

  @Test
  void every_event_delivered_twice_in_processor_batches_changes_no_answer() {
    List<Object> before = everyAnswer();

    readModels.deliverAllAgainInBatches(5);
    readModels.deliverAllAgainInBatches(100);

    assertThat(everyAnswer()).isEqualTo(before);
  }

  @Test
  void every_event_delivered_twice_changes_no_answer() {
    List<Object> before = everyAnswer();

    readModels.deliverAllAgain();

    assertThat(everyAnswer()).isEqualTo(before);
  }

  @Test
  void both_histories_are_listed_and_the_corrected_one_has_its_whole_timeline() {
    assertThat(readModels.registry().handle(FindPartnerships.all()).total()).isEqualTo(2);
    assertThat(
            readModels
                .partnerships()
                .handle(new FindTimeline(partnerships.get(1), null, null))
                .orElseThrow()
                .entries())
        .hasSize(11);
  }

  @Test
  void the_registry_list_asked_again_shows_what_was_written_since() {
    RegistryQueries registry = readModels.registry();
    assertThat(registry.handle(FindPartnerships.all()).total()).isEqualTo(2);
    assertThat(registry.handle(FindPartnerships.all()).total()).isEqualTo(2);

    Story hub = new Story("hub");
    hub.registered("2015", "TechnoHUB Woerden", PartnershipKind.TECHNOHUB);
    readModels.feed(hub.events().get(0));
    assertThat(registry.handle(FindPartnerships.all()).items())
        .extracting(PartnershipPage.Listing::name)
        .contains("TechnoHUB Woerden");

    hub.phase("2016", Phase.PILOT);
    readModels.feed(hub.events().get(1));
    assertThat(registry.handle(FindPartnerships.all()).countsByPhase())
        .containsEntry(Phase.PILOT, 1L);
  }

  @Test
  void a_partnership_asked_about_again_shows_what_was_written_since() {
    PartnershipQueries one = readModels.partnerships();
    PartnershipId hubId = PartnershipId.of("hub-again");
    Story hub = new Story("hub-again");
    hub.registered("2015", "TechnoHUB Woerden", PartnershipKind.TECHNOHUB);
    readModels.feed(hub.events().get(0));
    assertThat(one.handle(new FindTimeline(hubId, null, null)).orElseThrow().entries()).hasSize(1);
    assertThat(one.handle(new FindPartnershipState(hubId, null, null)).orElseThrow().phase())
        .isEqualTo(Phase.UNKNOWN);

    hub.phase("2016", Phase.PILOT);
    readModels.feed(hub.events().get(1));
    assertThat(one.handle(new FindTimeline(hubId, null, null)).orElseThrow().entries()).hasSize(2);
    assertThat(one.handle(new FindPartnershipState(hubId, null, null)).orElseThrow().phase())
        .isEqualTo(Phase.PILOT);
  }

  @Test
  void the_registry_list_on_one_day_answers_each_state_of_knowledge_whatever_was_asked_before() {
    RegistryQueries registry = readModels.registry();
    Story hub = new Story("hub-known");
    hub.registered("2015", "TechnoHUB Known", PartnershipKind.TECHNOHUB);
    hub.recordedOn("2022-01-01T09:00:00Z");
    hub.phase("2016", Phase.PILOT);
    readModels.feed(hub.events().toArray());
    LocalDate day = LocalDate.parse("2017-01-01");
    Instant before = Instant.parse("2021-06-01T00:00:00Z");
    Instant recorded = Instant.parse("2022-01-01T09:00:00Z");

    for (int round = 0; round < 2; round++) {
      assertThat(phaseOf(registry, "hub-known", day, before)).isEqualTo(Phase.UNKNOWN);
      assertThat(phaseOf(registry, "hub-known", day, recorded)).isEqualTo(Phase.PILOT);
      assertThat(phaseOf(registry, "hub-known", day, recorded.minusNanos(1)))
          .isEqualTo(Phase.UNKNOWN);
      assertThat(phaseOf(registry, "hub-known", day, null)).isEqualTo(Phase.PILOT);
    }
  }

  private static Phase phaseOf(
      RegistryQueries registry, String id, LocalDate day, Instant asKnownOn) {
    return registry
        .handle(new FindPartnerships(null, null, null, null, null, null, day, asKnownOn, null, 200))
        .items()
        .stream()
        .filter(listing -> listing.partnershipId().value().equals(id))
        .findFirst()
        .orElseThrow()
        .phase();
  }
}
