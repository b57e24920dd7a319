package nl.partnershipregistry.core.organisation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import nl.partnershipregistry.core.common.ContradictsRecordedFact;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactDatedInFuture;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.FactIdAlreadyUsed;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrganisationTest {

  private static final OrganisationId HITECS = OrganisationId.of("hitecs");
  private static final OrganisationId STORK = OrganisationId.of("stork");
  private static final OrganisationId HVA = OrganisationId.of("hva");
  private static final SourceCitation SOURCE =
      SourceCitation.of("000_824d176abdbc5ecc.txt", "HiTecs B.V. founded in 1998 within Stork");
  private static final Recording RECORDED =
      Recording.of(Instant.parse("2026-11-23T10:00:00Z"), "registrar");
  private static final AtomicInteger NEXT = new AtomicInteger();

  private FixtureConfiguration<Organisation> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Organisation.class);
  }

  @Nested
  class Registration {

    @Test
    void can_register_an_employer() {
      fixture.givenNoPriorActivity().when(registerHitecs()).expectEvents(registerHitecs().toFact());
    }

    @Test
    void can_register_a_school_with_its_level() {
      RegisterOrganisation hva = registerHva(SchoolLevel.HBO);
      fixture.givenNoPriorActivity().when(hva).expectEvents(hva.toFact());
    }

    @Test
    void cannot_register_a_school_without_its_level() {
      fixture
          .givenNoPriorActivity()
          .when(registerHva(null))
          .expectException(SchoolLevelMismatch.class)
          .expectNoEvents();
    }

    @Test
    void cannot_give_an_employer_a_school_level() {
      RegisterOrganisation employerWithLevel =
          new RegisterOrganisation(
              HITECS,
              FactId.of("hitecs-registered"),
              FactDate.year(1998),
              "HiTecs B.V.",
              OrganisationType.EMPLOYER,
              SchoolLevel.MBO,
              SOURCE,
              RECORDED);
      fixture
          .givenNoPriorActivity()
          .when(employerWithLevel)
          .expectException(SchoolLevelMismatch.class);
    }

    @Test
    void cannot_register_without_a_name() {
      assertThatThrownBy(
              () ->
                  new RegisterOrganisation(
                      HITECS,
                      FactId.of("x"),
                      FactDate.year(1998),
                      "  ",
                      OrganisationType.EMPLOYER,
                      null,
                      SOURCE,
                      RECORDED))
          .isInstanceOf(InvalidValue.class)
          .hasMessageContaining("name");
    }

    @Test
    void a_repeated_registration_changes_nothing() {
      fixture
          .given(registerHitecs().toFact())
          .when(registerHitecs())
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void cannot_register_the_same_organisation_again_with_other_details() {
      RegisterOrganisation again =
          new RegisterOrganisation(
              HITECS,
              FactId.of("hitecs-registered-again"),
              FactDate.year(1999),
              "HiTecs",
              OrganisationType.EMPLOYER,
              null,
              SOURCE,
              RECORDED);
      fixture
          .given(registerHitecs().toFact())
          .when(again)
          .expectException(OrganisationAlreadyRegistered.class);
    }
  }

  @Nested
  class Names {

    @Test
    void can_rename() {
      RenameOrganisation rename = rename(FactDate.year(2005), "HiTecs Engineering");
      fixture.given(registerHitecs().toFact()).when(rename).expectEvents(rename.toFact());
    }

    @Test
    void cannot_rename_to_the_current_name() {
      fixture
          .given(registerHitecs().toFact())
          .when(rename(FactDate.year(2005), "HiTecs B.V."))
          .expectException(NameUnchanged.class);
    }

    @Test
    void cannot_record_a_fact_before_the_organisation_is_known() {
      fixture
          .given(registerHitecs().toFact())
          .when(rename(FactDate.year(1990), "Old name"))
          .expectException(FactBeforeOrganisationKnown.class);
    }

    @Test
    void cannot_date_a_fact_after_the_day_it_is_recorded() {
      fixture
          .given(registerHitecs().toFact())
          .when(rename(FactDate.year(2027), "Future name"))
          .expectException(FactDatedInFuture.class);
    }
  }

  @Nested
  class Groups {

    @Test
    void can_join_a_group() {
      JoinGroup join = joinStork(FactDate.year(1998));
      fixture.given(registerHitecs().toFact()).when(join).expectEvents(join.toFact());
    }

    @Test
    void cannot_be_a_member_of_its_own_group() {
      JoinGroup ownGroup =
          new JoinGroup(HITECS, nextId(), FactDate.year(1999), HITECS, SOURCE, RECORDED);
      fixture.given(registerHitecs().toFact()).when(ownGroup).expectException(GroupConflict.class);
    }

    @Test
    void cannot_join_a_second_group_without_leaving_the_first() {
      JoinGroup other = new JoinGroup(HITECS, nextId(), FactDate.year(2005), HVA, SOURCE, RECORDED);
      fixture
          .given(registerHitecs().toFact(), joinStork(FactDate.year(1998)).toFact())
          .when(other)
          .expectException(GroupConflict.class);
    }

    @Test
    void can_join_another_group_after_leaving() {
      LeaveGroup leave =
          new LeaveGroup(HITECS, nextId(), FactDate.year(2004), STORK, SOURCE, RECORDED);
      JoinGroup other = new JoinGroup(HITECS, nextId(), FactDate.year(2005), HVA, SOURCE, RECORDED);
      fixture
          .given(registerHitecs().toFact(), joinStork(FactDate.year(1998)).toFact(), leave.toFact())
          .when(other)
          .expectEvents(other.toFact());
    }

    @Test
    void cannot_leave_a_group_it_does_not_belong_to() {
      LeaveGroup leave =
          new LeaveGroup(HITECS, nextId(), FactDate.year(2004), STORK, SOURCE, RECORDED);
      fixture.given(registerHitecs().toFact()).when(leave).expectException(GroupConflict.class);
    }

    @Test
    void cannot_leave_a_group_before_the_date_it_joined() {
      LeaveGroup leave =
          new LeaveGroup(HITECS, nextId(), FactDate.year(1999), STORK, SOURCE, RECORDED);
      fixture
          .given(registerHitecs().toFact(), joinStork(FactDate.year(2001)).toFact())
          .when(leave)
          .expectException(GroupConflict.class);
    }
  }

  @Nested
  class Mergers {

    @Test
    void can_merge_into_another_organisation() {
      MergeOrganisation merge = mergeIntoStork(FactDate.year(2010));
      fixture.given(registerHitecs().toFact()).when(merge).expectEvents(merge.toFact());
    }

    @Test
    void cannot_merge_into_itself() {
      MergeOrganisation merge =
          new MergeOrganisation(HITECS, nextId(), FactDate.year(2010), HITECS, SOURCE, RECORDED);
      fixture.given(registerHitecs().toFact()).when(merge).expectException(GroupConflict.class);
    }

    @Test
    void cannot_record_a_fact_dated_after_the_merger() {
      fixture
          .given(registerHitecs().toFact(), mergeIntoStork(FactDate.year(2010)).toFact())
          .when(rename(FactDate.year(2012), "HiTecs 2"))
          .expectException(OrganisationMergedAway.class);
    }

    @Test
    void can_record_a_fact_dated_before_the_merger_after_it() {
      RenameOrganisation rename = rename(FactDate.year(2005), "HiTecs Engineering");
      fixture
          .given(registerHitecs().toFact(), mergeIntoStork(FactDate.year(2010)).toFact())
          .when(rename)
          .expectEvents(rename.toFact());
    }

    @Test
    void cannot_date_a_merger_before_facts_already_recorded() {
      fixture
          .given(
              registerHitecs().toFact(), rename(FactDate.year(2005), "HiTecs Engineering").toFact())
          .when(mergeIntoStork(FactDate.year(2003)))
          .expectException(ContradictsRecordedFact.class);
    }
  }

  @Nested
  class FactIds {

    @Test
    void a_repeated_command_changes_nothing() {
      RenameOrganisation rename = rename(FactDate.year(2005), "HiTecs Engineering");
      fixture
          .given(registerHitecs().toFact(), rename.toFact())
          .when(rename)
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void cannot_reuse_a_fact_id_for_another_fact() {
      RenameOrganisation rename = rename(FactDate.year(2005), "HiTecs Engineering");
      RenameOrganisation other =
          new RenameOrganisation(
              HITECS, rename.factId(), FactDate.year(2006), "Other", SOURCE, RECORDED);
      fixture
          .given(registerHitecs().toFact(), rename.toFact())
          .when(other)
          .expectException(FactIdAlreadyUsed.class);
    }
  }

  private static RegisterOrganisation registerHitecs() {
    return new RegisterOrganisation(
        HITECS,
        FactId.of("hitecs-registered"),
        FactDate.year(1998),
        "HiTecs B.V.",
        OrganisationType.EMPLOYER,
        null,
        SOURCE,
        RECORDED);
  }

  private static RegisterOrganisation registerHva(SchoolLevel level) {
    return new RegisterOrganisation(
        HVA,
        FactId.of("hva-registered"),
        FactDate.year(2001),
        "Hogeschool van Amsterdam",
        OrganisationType.SCHOOL,
        level,
        SOURCE,
        RECORDED);
  }

  private static RenameOrganisation rename(FactDate date, String name) {
    return new RenameOrganisation(HITECS, nextId(), date, name, SOURCE, RECORDED);
  }

  private static JoinGroup joinStork(FactDate date) {
    return new JoinGroup(HITECS, nextId(), date, STORK, SOURCE, RECORDED);
  }

  private static MergeOrganisation mergeIntoStork(FactDate date) {
    return new MergeOrganisation(HITECS, nextId(), date, STORK, SOURCE, RECORDED);
  }

  private static FactId nextId() {
    return FactId.of("org-fact-" + NEXT.incrementAndGet());
  }
}
