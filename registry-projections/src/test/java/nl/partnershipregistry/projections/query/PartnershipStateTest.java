package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationJoinedGroup;
import nl.partnershipregistry.core.organisation.OrganisationRegistered;
import nl.partnershipregistry.core.organisation.OrganisationRenamed;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.KatapultType;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartnershipStateTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Stbk stbk = new Stbk();

  @AfterEach
  void close() {
    readModels.close();
  }

  private PartnershipState stateOn(String asOf) {
    return readModels
        .partnerships()
        .handle(new FindPartnershipState(stbk.story.id(), LocalDate.parse(asOf), null))
        .orElseThrow();
  }

  @Test
  void a_running_partnership_shows_its_phase_partners_promises_money_people_and_type() {
    readModels.feed(stbk.all().toArray());

    PartnershipState state = stateOn("2004-06-01");

    assertThat(state.name()).isEqualTo("STBK");
    assertThat(state.phase()).isEqualTo(Phase.STRUCTURAL);
    assertThat(state.phaseSince()).isEqualTo(FactDate.year(2003));
    assertThat(state.phaseFactId())
        .as("the phase's basis: the fact that set it")
        .isEqualTo(
            stbk.all().stream()
                .filter(
                    e -> e instanceof nl.partnershipregistry.core.partnership.event.PhaseChanged)
                .map(e -> ((nl.partnershipregistry.core.partnership.event.PhaseChanged) e).factId())
                .findFirst()
                .orElseThrow());
    assertThat(state.discontinuation()).isNull();
    assertThat(state.partners())
        .extracting(p -> p.organisationId().value(), PartnershipState.ActivePartner::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hva", PartnerRole.LEAD),
            org.assertj.core.groups.Tuple.tuple("hitecs", PartnerRole.CORE));
    assertThat(state.commitmentsInForce())
        .extracting(c -> c.commitmentId().value())
        .containsExactly("study-time");
    assertThat(state.fundingInForce())
        .extracting(f -> f.fundingId().value())
        .containsExactly("ocw-pilot");
    assertThat(state.keyPersons())
        .extracting(PartnershipState.KeyPerson::name)
        .containsExactly("pioneer");
    assertThat(state.katapult().type()).isEqualTo(KatapultType.TRAINER);
    assertThat(state.katapult().flexibleFormats()).isEqualTo(1);
  }

  @Test
  void the_katapult_profile_gives_its_place_on_the_two_axes_and_key_persons_their_organisation() {
    stbk.story.activity(
        "2002", "masterclass", LedFrom.OUTSIDE_EDUCATION, LearningForm.NON_FORMAL, false);
    stbk.story.activity(
        "2002", "site-visits", LedFrom.INSIDE_EDUCATION, LearningForm.FORMAL, false);
    stbk.story.activity(
        "2002", "coaching", LedFrom.INSIDE_EDUCATION, LearningForm.NON_FORMAL, false);
    readModels.feed(stbk.all().toArray());

    PartnershipState.KatapultProfile profile = stateOn("2004-06-01").katapult();

    assertThat(profile.activeActivities()).isEqualTo(4);
    assertThat(profile.ledFromOutsideShare()).isEqualByComparingTo("0.25");
    assertThat(profile.formalLearningShare()).isEqualByComparingTo("0.5");
    assertThat(profile.type()).as("tied on the learning axis").isNull();
    assertThat(stateOn("2004-06-01").keyPersons())
        .extracting(PartnershipState.KeyPerson::organisationName)
        .containsExactly("HiTecs");
    PartnershipState.KatapultProfile before = stateOn("2001-06-01").katapult();
    assertThat(before.activeActivities()).isZero();
    assertThat(before.ledFromOutsideShare()).isNull();
    assertThat(before.formalLearningShare()).isNull();
  }

  @Test
  void an_employer_in_a_group_counts_in_its_group() {
    readModels.feed(stbk.all().toArray());

    PartnershipState.ActivePartner hitecs = stateOn("2004-06-01").partners().get(1);

    assertThat(hitecs.name()).isEqualTo("HiTecs");
    assertThat(hitecs.groupId()).isEqualTo(OrganisationId.of("stork"));
    assertThat(hitecs.groupName()).isEqualTo("Stork");
  }

  @Test
  void after_the_discontinuation_the_reason_shows_and_promises_and_money_have_run_out() {
    readModels.feed(stbk.all().toArray());

    PartnershipState state = stateOn("2009-01-01");

    assertThat(state.phase()).isEqualTo(Phase.DISCONTINUED);
    assertThat(state.discontinuation().reason()).isEqualTo(DiscontinuationReason.ECONOMIC_DOWNTURN);
    assertThat(state.discontinuation().discontinuedOn()).isEqualTo(FactDate.year(2008));
    assertThat(state.fundingInForce()).isEmpty();
    assertThat(state.commitmentsInForce()).isEmpty();
  }

  @Test
  void before_it_started_a_partnership_has_no_phase_yet() {
    readModels.feed(stbk.all().toArray());

    PartnershipState state = stateOn("2000-06-01");

    assertThat(state.phase()).isNull();
    assertThat(state.partners()).isEmpty();
  }

  @Test
  void a_partnership_whose_start_is_unknown_shows_it_existing_by_its_evidence() {
    Story klooster = new Story("leerhotel-het-klooster");
    klooster.registeredExistingBy(
        "2015", "Leerhotel Het Klooster", PartnershipKind.LEARNING_COMPANY);
    readModels.feed(klooster.events().toArray());

    PartnershipState state =
        readModels
            .partnerships()
            .handle(new FindPartnershipState(klooster.id(), LocalDate.parse("2016-01-01"), null))
            .orElseThrow();
    PartnershipState before =
        readModels
            .partnerships()
            .handle(new FindPartnershipState(klooster.id(), LocalDate.parse("2014-06-01"), null))
            .orElseThrow();

    assertThat(state.startedOn()).isNull();
    assertThat(state.existingBy()).isEqualTo(FactDate.year(2015));
    assertThat(before.phase()).isNull();
    assertThat(before.existence()).isEqualTo(Existence.UNKNOWN);
    assertThat(before.existingBy()).isEqualTo(FactDate.year(2015));
  }

  private PartnershipState stateOf(Story story, String asOf) {
    return readModels
        .partnerships()
        .handle(new FindPartnershipState(story.id(), LocalDate.parse(asOf), null))
        .orElseThrow();
  }

  @Test
  void a_start_dated_circa_leaves_existence_unknown_where_its_readings_differ() {
    Story technasium = new Story("technasium");
    technasium.registered("2003~", "Technasium", PartnershipKind.EDUCATION_CONCEPT);
    readModels.feed(technasium.events().toArray());

    assertThat(stateOf(technasium, "2001-06-01").existence()).isEqualTo(Existence.NOT_YET_STARTED);
    assertThat(stateOf(technasium, "2002-06-01").existence())
        .as("circa 2003 may mean 2002")
        .isEqualTo(Existence.UNKNOWN);
    assertThat(stateOf(technasium, "2003-06-01").existence()).isEqualTo(Existence.STARTED);
    assertThat(stateOf(technasium, "2003-06-01").startedOn().toString()).isEqualTo("2003~");
  }

  @Test
  void facts_known_only_to_have_happened_by_a_day_count_from_that_day_and_are_open_before() {
    Story civil = new Story("civil");
    civil.registered("[..2021-05]", "CIVIL", PartnershipKind.COVE_CIV);
    civil.joined("[..2021-05]", "hitecs", PartnerRole.LEAD);
    readModels.feed(civil.events().toArray());

    PartnershipState before = stateOf(civil, "2021-05-30");
    PartnershipState by = stateOf(civil, "2021-05-31");

    assertThat(stateOf(civil, "1990-01-01").existence())
        .as("no later than May 2021 may mean any earlier day")
        .isEqualTo(Existence.UNKNOWN);
    assertThat(before.existence()).isEqualTo(Existence.UNKNOWN);
    assertThat(before.name()).isEqualTo("CIVIL");
    assertThat(before.partners()).isEmpty();
    assertThat(by.existence()).isEqualTo(Existence.STARTED);
    assertThat(by.startedOn().toString()).isEqualTo("[..2021-05]");
    assertThat(by.partners())
        .extracting(p -> p.organisationId().value(), p -> p.since().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("hitecs", "[..2021-05]"));
  }

  @Test
  void a_partnership_with_a_known_start_has_no_evidence_date() {
    readModels.feed(stbk.all().toArray());

    assertThat(stateOn("2004-06-01").startedOn()).isEqualTo(FactDate.year(2001));
    assertThat(stateOn("2004-06-01").existingBy()).isNull();
  }

  @Test
  void an_unknown_partnership_has_no_state() {
    readModels.feed(stbk.all().toArray());

    assertThat(
            readModels
                .partnerships()
                .handle(new FindPartnershipState(PartnershipId.of("nobody"), null, null)))
        .isEmpty();
  }

  @Test
  void a_partnership_recorded_later_is_unknown_on_an_earlier_day() {
    readModels.feed(stbk.all().toArray());

    assertThat(
            readModels
                .partnerships()
                .handle(
                    new FindPartnershipState(
                        stbk.story.id(), null, Instant.parse("2019-12-31T23:59:59Z"))))
        .isEmpty();
  }

  @Test
  void an_organisation_shows_its_name_and_group_as_they_were_on_the_date_and_as_then_known() {
    Instant learnt = Instant.parse("2021-01-01T09:00:00Z");
    readModels.feed(
        Story.employer("stork", "Stork"),
        Story.employer("hitecs", "HiTecs"),
        new OrganisationRenamed(
            OrganisationId.of("hitecs"),
            FactId.of("hitecs-renamed"),
            FactDate.year(2006),
            "Stork Technical Services",
            Story.SOURCE,
            Recording.of(Instant.parse("2000-01-01T09:00:00Z"), "registrar")),
        new OrganisationJoinedGroup(
            OrganisationId.of("hitecs"),
            FactId.of("hitecs-in-stork"),
            FactDate.year(1995),
            OrganisationId.of("stork"),
            Story.SOURCE,
            Recording.of(learnt, "registrar")));
    readModels.feed(stbk.story.events().toArray());

    PartnershipState.ActivePartner before =
        partner(stateKnownOn("2004-06-01", learnt.minusMillis(1)), "hitecs");
    PartnershipState.ActivePartner after = partner(stateKnownOn("2004-06-01", learnt), "hitecs");
    PartnershipState.ActivePartner renamed = partner(stateKnownOn("2007-06-01", learnt), "hitecs");

    assertThat(before.groupId()).isEqualTo(OrganisationId.of("hitecs"));
    assertThat(after.groupId()).isEqualTo(OrganisationId.of("stork"));
    assertThat(after.name()).isEqualTo("HiTecs");
    assertThat(renamed.name()).isEqualTo("Stork Technical Services");
  }

  private PartnershipState stateKnownOn(String asOf, Instant knownOn) {
    return readModels
        .partnerships()
        .handle(new FindPartnershipState(stbk.story.id(), LocalDate.parse(asOf), knownOn))
        .orElseThrow();
  }

  private static PartnershipState.ActivePartner partner(PartnershipState state, String id) {
    return state.partners().stream()
        .filter(p -> p.organisationId().value().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void an_organisation_registered_with_a_later_date_is_still_named_and_typed_before_it() {
    readModels.feed(
        new OrganisationRegistered(
            OrganisationId.of("hva"),
            FactId.of("hva-registered"),
            FactDate.year(2005),
            "Hogeschool van Amsterdam",
            OrganisationType.SCHOOL,
            SchoolLevel.HBO,
            Story.SOURCE,
            Recording.of(Instant.parse("2000-01-01T09:00:00Z"), "registrar")));
    readModels.feed(stbk.story.events().toArray());

    PartnershipState.ActivePartner hva = partner(stateOn("2003-01-01"), "hva");

    assertThat(hva.name()).isEqualTo("Hogeschool van Amsterdam");
    assertThat(hva.type()).isEqualTo(OrganisationType.SCHOOL);
  }
}
