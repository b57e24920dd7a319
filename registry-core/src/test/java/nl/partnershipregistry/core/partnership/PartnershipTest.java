package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import nl.partnershipregistry.core.common.ContradictsRecordedFact;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactDatedInFuture;
import nl.partnershipregistry.core.common.FactIdAlreadyUsed;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.partnership.command.AwardFunding;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The partnership's rules, each shown both ways: the allowed case produces its event, the forbidden
 * case throws the rule's exception and produces nothing.
 */
class PartnershipTest {

  private static final FactDate Y2001 = year(2001);

  private FixtureConfiguration<Partnership> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Partnership.class);
  }

  /** Given the registration in 2001 and the events, when the command, the event it proposes. */
  private ResultValidator<Partnership> accepts(Object command, PartnershipEvent... history) {
    Object expected =
        command instanceof nl.partnershipregistry.core.partnership.command.PartnershipCommand c
            ? c.toFact()
            : null;
    ResultValidator<Partnership> result =
        fixture.given(withRegistration(history)).when(command).expectSuccessfulHandlerExecution();
    return expected == null ? result : result.expectEvents(expected);
  }

  private ResultValidator<Partnership> refuses(
      Object command, Class<? extends Throwable> rule, PartnershipEvent... history) {
    return fixture
        .given(withRegistration(history))
        .when(command)
        .expectException(rule)
        .expectNoEvents();
  }

  private static Object[] withRegistration(PartnershipEvent... history) {
    Object[] events = new Object[history.length + 1];
    events[0] = registered(Y2001);
    System.arraycopy(history, 0, events, 1, history.length);
    return events;
  }

  @Nested
  class Registration {

    @Test
    void can_register_a_partnership() {
      fixture.givenNoPriorActivity().when(register(Y2001)).expectEvents(registered(Y2001));
    }

    @Test
    void a_repeated_registration_changes_nothing() {
      fixture.given(registered(Y2001)).when(register(Y2001)).expectNoEvents();
    }

    @Test
    void cannot_register_the_same_partnership_with_other_details() {
      fixture
          .given(registered(Y2001))
          .when(register(year(2002)))
          .expectException(PartnershipAlreadyRegistered.class);
    }

    @Test
    void cannot_name_itself_as_its_predecessor() {
      RegisterPartnership own =
          new RegisterPartnership(
              STBK,
              id("r"),
              Y2001,
              "STBK",
              PartnershipKind.DUAL_TRAJECTORY,
              null,
              null,
              null,
              STBK,
              SOURCE,
              RECORDED);
      fixture.givenNoPriorActivity().when(own).expectException(InvalidSuccession.class);
    }

    @Test
    void cannot_register_a_start_after_the_day_it_is_recorded() {
      fixture
          .givenNoPriorActivity()
          .when(register(FactDate.day(2026, 11, 24)))
          .expectException(FactDatedInFuture.class);
    }

    @Test
    void can_register_a_start_on_the_day_it_is_recorded() {
      fixture
          .givenNoPriorActivity()
          .when(register(FactDate.day(2026, 11, 23)))
          .expectSuccessfulHandlerExecution();
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void can_move_to_pilot() {
      accepts(phase(id("p"), year(2002), Phase.PILOT));
    }

    @Test
    void cannot_move_back_to_initiated() {
      refuses(phase(id("p"), year(2002), Phase.INITIATED), PhaseNotSettable.class);
    }

    @Test
    void cannot_discontinue_by_a_phase_change() {
      refuses(phase(id("p"), year(2002), Phase.DISCONTINUED), PhaseNotSettable.class);
    }

    @Test
    void cannot_move_to_the_phase_it_is_in() {
      refuses(
          phase(id("p2"), year(2004), Phase.PILOT),
          AlreadyInPhase.class,
          phase(id("p1"), year(2002), Phase.PILOT).toFact());
    }

    @Test
    void can_discontinue_with_a_coded_reason() {
      accepts(discontinue(id("d"), year(2008), DiscontinuationReason.ECONOMIC_DOWNTURN, null));
    }

    @Test
    void cannot_discontinue_for_reason_other_without_explaining_it() {
      refuses(
          discontinue(id("d"), year(2008), DiscontinuationReason.OTHER, null),
          DiscontinuationUnexplained.class);
    }

    @Test
    void can_discontinue_for_reason_other_with_an_explanation() {
      accepts(discontinue(id("d"), year(2008), DiscontinuationReason.OTHER, "the building burnt"));
    }

    @Test
    void cannot_discontinue_twice() {
      refuses(
          discontinue(id("d2"), year(2010), DiscontinuationReason.SUBSIDY_ENDED, null),
          PartnershipAlreadyDiscontinued.class,
          discontinue(id("d1"), year(2008), DiscontinuationReason.ECONOMIC_DOWNTURN, null)
              .toFact());
    }

    @Test
    void cannot_name_itself_as_its_successor() {
      refuses(
          new nl.partnershipregistry.core.partnership.command.DiscontinuePartnership(
              STBK,
              id("d"),
              year(2008),
              DiscontinuationReason.MERGED_OR_ABSORBED,
              null,
              STBK,
              SOURCE,
              RECORDED),
          InvalidSuccession.class);
    }

    @Test
    void can_revive_a_discontinued_partnership() {
      accepts(
          revive(id("v"), year(2012), Phase.PILOT),
          discontinue(id("d"), year(2008), DiscontinuationReason.ECONOMIC_DOWNTURN, null).toFact());
    }

    @Test
    void cannot_revive_a_running_partnership() {
      refuses(revive(id("v"), year(2012), Phase.PILOT), PartnershipNotDiscontinued.class);
    }

    @Test
    void cannot_revive_into_the_discontinued_phase() {
      refuses(
          revive(id("v"), year(2012), Phase.DISCONTINUED),
          PhaseNotSettable.class,
          discontinue(id("d"), year(2008), DiscontinuationReason.ECONOMIC_DOWNTURN, null).toFact());
    }
  }

  @Nested
  class StartAndEnd {

    private final PartnershipEvent discontinued2008 =
        discontinue(id("d"), year(2008), DiscontinuationReason.ECONOMIC_DOWNTURN, null).toFact();

    @Test
    void cannot_record_a_fact_dated_before_the_start() {
      refuses(admit(id("j"), HITECS, year(2000)), FactBeforePartnershipStart.class);
    }

    @Test
    void can_record_a_fact_dated_on_the_start() {
      accepts(admit(id("j"), HITECS, Y2001));
    }

    @Test
    void cannot_admit_a_partner_after_the_discontinuation() {
      refuses(admit(id("j"), HITECS, year(2009)), PartnershipNotRunning.class, discontinued2008);
    }

    @Test
    void can_admit_a_partner_after_a_revival() {
      accepts(
          admit(id("j"), HITECS, year(2013)),
          discontinued2008,
          revive(id("v"), year(2012), Phase.PILOT).toFact());
    }

    @Test
    void can_evaluate_long_after_the_discontinuation() {
      accepts(evaluate(id("e"), FactDate.month(2021, 5)), discontinued2008);
    }

    @Test
    void can_settle_an_earlier_commitment_after_the_discontinuation() {
      accepts(
          broken(id("b"), "c1", year(2009)),
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)),
          discontinued2008);
    }

    @Test
    void cannot_renew_a_commitment_after_the_discontinuation() {
      refuses(
          renew(id("n"), "c1", "c2", year(2009)),
          PartnershipNotRunning.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)),
          discontinued2008);
    }

    @Test
    void can_claw_back_funding_after_the_discontinuation() {
      accepts(
          clawBack(id("k"), "f1", year(2009), 10_000),
          awarded("f1", FundingType.SUBSIDY, year(2005)),
          discontinued2008);
    }

    @Test
    void cannot_renew_funding_after_the_discontinuation() {
      refuses(
          renewFunding(id("n"), "f1", "f2", year(2009)),
          PartnershipNotRunning.class,
          awarded("f1", FundingType.SUBSIDY, year(2005)),
          discontinued2008);
    }

    @Test
    void can_record_graduations_after_the_discontinuation() {
      accepts(
          graduations(id("g"), "intake", year(2009), 10),
          enrol(id("c"), "intake", year(2006), 20).toFact(),
          discontinued2008);
    }

    @Test
    void cannot_enrol_a_cohort_after_the_discontinuation() {
      refuses(
          enrol(id("c"), "late", year(2009), 20), PartnershipNotRunning.class, discontinued2008);
    }

    @Test
    void can_record_on_the_day_of_the_discontinuation() {
      accepts(leave(id("l"), HITECS, year(2008)), joined(HITECS, Y2001), discontinued2008);
    }
  }

  @Nested
  class Partners {

    @Test
    void can_admit_a_partner() {
      accepts(admit(id("j"), HITECS, Y2001));
    }

    @Test
    void cannot_admit_an_active_partner_again() {
      refuses(
          admit(id("j2"), HITECS, year(2003)), PartnerAlreadyActive.class, joined(HITECS, Y2001));
    }

    @Test
    void can_readmit_a_partner_that_left() {
      accepts(
          admit(id("j2"), HITECS, year(2005)),
          joined(HITECS, Y2001),
          leave(id("l"), HITECS, year(2003)).toFact());
    }

    @Test
    void can_change_the_role_of_a_partner() {
      accepts(changeRole(id("r"), HITECS, year(2003), PartnerRole.LEAD), joined(HITECS, Y2001));
    }

    @Test
    void cannot_change_the_role_of_an_organisation_that_is_no_partner() {
      refuses(changeRole(id("r"), HVA, year(2003), PartnerRole.LEAD), PartnerNotActive.class);
    }

    @Test
    void cannot_change_a_partner_to_the_role_it_has() {
      refuses(
          changeRole(id("r"), HITECS, year(2003), PartnerRole.CORE),
          PartnerAlreadyInRole.class,
          joined(HITECS, Y2001));
    }

    @Test
    void an_active_partner_can_leave() {
      accepts(leave(id("l"), HITECS, year(2006)), joined(HITECS, Y2001));
    }

    @Test
    void an_organisation_that_never_joined_cannot_leave() {
      refuses(leave(id("l"), HVA, year(2006)), PartnerNotActive.class, joined(HITECS, Y2001));
    }

    @Test
    void a_partner_cannot_leave_twice() {
      refuses(
          leave(id("l2"), HITECS, year(2007)),
          PartnerNotActive.class,
          joined(HITECS, Y2001),
          leave(id("l1"), HITECS, year(2006)).toFact());
    }
  }

  @Nested
  class Commitments {

    @Test
    void an_active_partner_can_commit() {
      accepts(commit(id("c"), "c1", HITECS, year(2003)), joined(HITECS, Y2001));
    }

    @Test
    void an_organisation_that_never_joined_cannot_commit() {
      refuses(
          commit(id("c"), "c1", HVA, year(2003)), PartnerNotActive.class, joined(HITECS, Y2001));
    }

    @Test
    void a_partner_cannot_commit_before_it_joined() {
      fixture
          .given(registered(Y2001), joined(HITECS, year(2004)))
          .when(commit(id("c"), "c1", HITECS, year(2003)))
          .expectException(PartnerNotActive.class)
          .expectExceptionMessage(allOf(containsString("hitecs"), containsString("2003")));
    }

    @Test
    void a_partner_cannot_commit_after_it_left() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2007)),
          PartnerNotActive.class,
          joined(HITECS, Y2001),
          leave(id("l"), HITECS, year(2006)).toFact());
    }

    @Test
    void a_commitment_identifier_is_used_once() {
      refuses(
          commit(id("c2"), "c1", HITECS, year(2004)),
          IdentifierAlreadyUsed.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
    }

    @Test
    void money_is_not_promised_in_hours() {
      refuses(
          commit(
              id("c"), "c1", HITECS, year(2003), CommitmentType.MONEY, Quantity.of(10, Unit.HOURS)),
          UnitDoesNotFit.class,
          joined(HITECS, Y2001));
    }

    @Test
    void placements_are_promised_in_places() {
      accepts(
          commit(
              id("c"),
              "c1",
              HITECS,
              year(2003),
              CommitmentType.PLACEMENTS,
              Quantity.of(12, Unit.PLACES)),
          joined(HITECS, Y2001));
    }

    @Test
    void a_commitment_can_be_fulfilled() {
      accepts(
          fulfil(id("f"), "c1", year(2008)),
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
    }

    @Test
    void a_commitment_is_settled_once() {
      refuses(
          broken(id("b"), "c1", year(2009)),
          CommitmentAlreadySettled.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)),
          fulfil(id("f"), "c1", year(2008)).toFact());
    }

    @Test
    void a_partial_fulfilment_delivers_less_than_promised() {
      accepts(
          partial(id("p"), "c1", year(2008), Quantity.of(60, Unit.HOURS)),
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
    }

    @Test
    void a_partial_fulfilment_of_all_that_was_promised_is_a_fulfilment() {
      refuses(
          partial(id("p"), "c1", year(2008), Quantity.of(100, Unit.HOURS)),
          DeliveryNotPartial.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
    }

    @Test
    void a_delivery_is_counted_in_the_promised_unit() {
      refuses(
          partial(id("p"), "c1", year(2008), Quantity.of(2, Unit.PERSONS)),
          UnitDoesNotFit.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
    }

    @Test
    void a_commitment_can_be_broken_or_withdrawn() {
      accepts(
          broken(id("b"), "c1", year(2008)),
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
      setUp();
      accepts(
          withdraw(id("w"), "c1", year(2005)),
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
    }

    @Test
    void an_unknown_commitment_cannot_be_settled() {
      refuses(
          fulfil(id("f"), "nothing", year(2008)), UnknownReference.class, joined(HITECS, Y2001));
    }

    @Test
    void a_commitment_cannot_be_settled_before_it_was_made() {
      refuses(
          fulfil(id("f"), "c1", year(2002)),
          DatedBeforeItsSubject.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)));
    }

    @Test
    void a_renewal_is_a_new_commitment_that_can_be_settled_itself() {
      fixture
          .given(
              registered(Y2001),
              joined(HITECS, Y2001),
              committed("c1", HITECS, year(2003)),
              renew(id("n"), "c1", "c2", year(2005)).toFact())
          .when(fulfil(id("f"), "c2", year(2007)))
          .expectEvents(fulfil(id("f"), "c2", year(2007)).toFact());
    }

    @Test
    void a_renewed_commitment_is_not_renewed_again() {
      refuses(
          renew(id("n2"), "c1", "c3", year(2006)),
          CommitmentAlreadySettled.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)),
          renew(id("n1"), "c1", "c2", year(2005)).toFact());
    }

    @Test
    void a_partner_that_left_cannot_renew() {
      refuses(
          renew(id("n"), "c1", "c2", year(2007)),
          PartnerNotActive.class,
          joined(HITECS, Y2001),
          committed("c1", HITECS, year(2003)),
          leave(id("l"), HITECS, year(2006)).toFact());
    }
  }

  @Nested
  class Funding {

    @Test
    void a_subsidy_names_its_instrument() {
      accepts(award(id("a"), "f1", FundingType.SUBSIDY, year(2005)));
    }

    @Test
    void member_fees_have_no_subsidy_instrument() {
      AwardFunding fees =
          new AwardFunding(
              STBK,
              id("a"),
              year(2005),
              FundingId.of("f1"),
              FundingType.MEMBER_FEES,
              SubsidyInstrument.RIF,
              "members",
              null,
              Money.euros(1_000),
              nl.partnershipregistry.core.common.DateRange.from(year(2005)),
              null,
              SOURCE,
              RECORDED);
      refuses(fees, InstrumentWithoutSubsidy.class);
    }

    @Test
    void a_funding_identifier_is_used_once() {
      refuses(
          award(id("a"), "f1", FundingType.TUITION, year(2006)),
          IdentifierAlreadyUsed.class,
          awarded("f1", FundingType.SUBSIDY, year(2005)));
    }

    @Test
    void disbursements_may_add_up_to_the_award() {
      accepts(
          disburse(id("p2"), "f1", year(2007), 40_000),
          awarded("f1", FundingType.SUBSIDY, year(2005)),
          disburse(id("p1"), "f1", year(2006), 60_000).toFact());
    }

    @Test
    void disbursements_may_not_exceed_the_award() {
      refuses(
          disburse(id("p2"), "f1", year(2007), 40_001),
          FundingExceeded.class,
          awarded("f1", FundingType.SUBSIDY, year(2005)),
          disburse(id("p1"), "f1", year(2006), 60_000).toFact());
    }

    @Test
    void claw_backs_may_not_exceed_the_award() {
      refuses(
          clawBack(id("k"), "f1", year(2007), 100_001),
          FundingExceeded.class,
          awarded("f1", FundingType.SUBSIDY, year(2005)));
    }

    @Test
    void a_funding_ends_once() {
      accepts(
          endFunding(id("e1"), "f1", year(2007)), awarded("f1", FundingType.SUBSIDY, year(2005)));
      setUp();
      refuses(
          endFunding(id("e2"), "f1", year(2008)),
          FundingAlreadyEnded.class,
          awarded("f1", FundingType.SUBSIDY, year(2005)),
          endFunding(id("e1"), "f1", year(2007)).toFact());
    }

    @Test
    void a_funding_is_renewed_once() {
      accepts(
          renewFunding(id("n1"), "f1", "f2", year(2007)),
          awarded("f1", FundingType.SUBSIDY, year(2005)));
      setUp();
      refuses(
          renewFunding(id("n2"), "f1", "f3", year(2008)),
          AlreadyRenewed.class,
          awarded("f1", FundingType.SUBSIDY, year(2005)),
          renewFunding(id("n1"), "f1", "f2", year(2007)).toFact());
    }

    @Test
    void an_unknown_funding_cannot_be_disbursed() {
      refuses(disburse(id("p"), "nothing", year(2007), 1), UnknownReference.class);
    }
  }

  @Nested
  class ActivitiesAndCohorts {

    @Test
    void an_activity_starts_and_ends_once() {
      accepts(
          endActivity(id("e1"), "a1", year(2008)), startActivity(id("s"), "a1", Y2001).toFact());
      setUp();
      refuses(
          endActivity(id("e2"), "a1", year(2009)),
          ActivityAlreadyEnded.class,
          startActivity(id("s"), "a1", Y2001).toFact(),
          endActivity(id("e1"), "a1", year(2008)).toFact());
    }

    @Test
    void an_activity_identifier_is_used_once() {
      refuses(
          startActivity(id("s2"), "a1", year(2003)),
          IdentifierAlreadyUsed.class,
          startActivity(id("s1"), "a1", Y2001).toFact());
    }

    @Test
    void graduates_and_dropouts_add_up_to_at_most_the_enrolment() {
      accepts(
          dropouts(id("d"), "intake", year(2008), 20),
          enrol(id("c"), "intake", Y2001, 75).toFact(),
          graduations(id("g"), "intake", year(2008), 55).toFact());
    }

    @Test
    void more_graduates_and_dropouts_than_enrolled_are_refused() {
      refuses(
          dropouts(id("d"), "intake", year(2008), 21),
          CohortOutcomesExceedEnrolment.class,
          enrol(id("c"), "intake", Y2001, 75).toFact(),
          graduations(id("g"), "intake", year(2008), 55).toFact());
    }

    @Test
    void outcomes_of_an_unknown_cohort_are_refused() {
      refuses(graduations(id("g"), "nobody", year(2008), 5), UnknownReference.class);
    }
  }

  @Nested
  class KeyPersons {

    @Test
    void a_person_of_an_active_partner_can_take_a_key_role() {
      accepts(assign(id("k"), "pm", HITECS, Y2001), joined(HITECS, Y2001));
    }

    @Test
    void a_person_of_an_organisation_that_is_no_partner_cannot() {
      refuses(assign(id("k"), "pm", HVA, Y2001), PartnerNotActive.class, joined(HITECS, Y2001));
    }

    @Test
    void a_key_person_leaves_once() {
      refuses(
          keyPersonLeaves(id("l2"), "pm", year(2007)),
          KeyPersonAlreadyLeft.class,
          joined(HITECS, Y2001),
          assign(id("k"), "pm", HITECS, Y2001).toFact(),
          keyPersonLeaves(id("l1"), "pm", year(2006)).toFact());
    }

    @Test
    void a_successor_can_take_over() {
      accepts(
          succeed(id("s"), "pm", "pm2", year(2006)),
          joined(HITECS, Y2001),
          assign(id("k1"), "pm", HITECS, Y2001).toFact(),
          assign(id("k2"), "pm2", HITECS, year(2006)).toFact());
    }

    @Test
    void nobody_succeeds_themselves() {
      refuses(
          succeed(id("s"), "pm", "pm", year(2006)),
          InvalidSuccession.class,
          joined(HITECS, Y2001),
          assign(id("k1"), "pm", HITECS, Y2001).toFact());
    }

    @Test
    void a_key_person_is_succeeded_once() {
      refuses(
          succeed(id("s2"), "pm", "pm3", year(2007)),
          KeyPersonAlreadyLeft.class,
          joined(HITECS, Y2001),
          assign(id("k1"), "pm", HITECS, Y2001).toFact(),
          assign(id("k2"), "pm2", HITECS, year(2006)).toFact(),
          assign(id("k3"), "pm3", HITECS, year(2006)).toFact(),
          succeed(id("s1"), "pm", "pm2", year(2006)).toFact());
    }

    @Test
    void a_successor_must_be_assigned_first() {
      refuses(
          succeed(id("s"), "pm", "pm2", year(2006)),
          UnknownReference.class,
          joined(HITECS, Y2001),
          assign(id("k1"), "pm", HITECS, Y2001).toFact());
    }
  }

  @Nested
  class Governance {

    @Test
    void governance_is_established_then_changed() {
      accepts(establish(id("g"), year(2003), GovernanceForm.COVENANT));
      setUp();
      accepts(
          changeGovernance(id("c"), year(2007), GovernanceForm.FOUNDATION),
          establish(id("g"), year(2003), GovernanceForm.COVENANT).toFact());
    }

    @Test
    void governance_is_established_once() {
      refuses(
          establish(id("g2"), year(2005), GovernanceForm.FOUNDATION),
          GovernanceConflict.class,
          establish(id("g1"), year(2003), GovernanceForm.COVENANT).toFact());
    }

    @Test
    void governance_cannot_change_before_it_exists() {
      refuses(
          changeGovernance(id("c"), year(2007), GovernanceForm.FOUNDATION),
          GovernanceConflict.class);
    }

    @Test
    void governance_cannot_change_into_what_it_is() {
      refuses(
          changeGovernance(id("c"), year(2007), GovernanceForm.COVENANT),
          GovernanceConflict.class,
          establish(id("g"), year(2003), GovernanceForm.COVENANT).toFact());
    }
  }

  @Nested
  class DatesAndOrder {

    @Test
    void a_fact_cannot_be_dated_after_the_day_it_is_recorded() {
      refuses(evaluate(id("e"), year(2027)), FactDatedInFuture.class);
    }

    @Test
    void a_year_stands_at_the_first_day_of_that_year() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2003)),
          PartnerNotActive.class,
          joined(HITECS, FactDate.month(2003, 6)));
    }

    @Test
    void a_commitment_entered_late_is_judged_on_its_own_date() {
      PartnershipEvent[] history = {
        joined(HITECS, Y2001), leave(id("l"), HITECS, year(2006)).toFact()
      };
      accepts(commit(id("c"), "c1", HITECS, year(2004)), history);
      setUp();
      refuses(commit(id("c"), "c1", HITECS, year(2007)), PartnerNotActive.class, history);
    }

    @Test
    void a_departure_dated_before_a_recorded_commitment_contradicts_it() {
      fixture
          .given(registered(Y2001), joined(HITECS, Y2001), committed("c1", HITECS, year(2005)))
          .when(leave(id("l"), HITECS, year(2003)))
          .expectException(ContradictsRecordedFact.class)
          .expectExceptionMessage(containsString("needs hitecs to be an active partner"));
    }

    @Test
    void facts_recorded_from_the_end_backwards_are_accepted() {
      fixture
          .givenCommands(
              register(Y2001),
              discontinue(id("d"), year(2008), DiscontinuationReason.ECONOMIC_DOWNTURN, null),
              phase(id("w"), year(2008), Phase.WINDING_DOWN),
              phase(id("s"), year(2005), Phase.STRUCTURAL),
              admit(id("j"), HITECS, Y2001))
          .when(commit(id("c"), "c1", HITECS, year(2003)))
          .expectEvents(commit(id("c"), "c1", HITECS, year(2003)).toFact());
    }
  }

  @Nested
  class Corrections {

    @Test
    void a_fact_can_be_corrected_and_the_corrected_value_counts() {
      fixture
          .given(
              registered(Y2001),
              admit(id("j"), HITECS, year(2004)).toFact(),
              correct(id("k"), id("j"), admit(id("j"), HITECS, Y2001).toFact()).toEvent())
          .when(commit(id("c"), "c1", HITECS, year(2002)))
          .expectEvents(commit(id("c"), "c1", HITECS, year(2002)).toFact());
    }

    @Test
    void a_correction_emits_the_replacement() {
      var correction = correct(id("k"), id("j"), admit(id("j"), HITECS, Y2001).toFact());
      accepts(correction, admit(id("j"), HITECS, year(2004)).toFact())
          .expectEvents(correction.toEvent());
    }

    @Test
    void an_unknown_fact_cannot_be_corrected() {
      refuses(
          correct(id("k"), id("nothing"), admit(id("nothing"), HITECS, Y2001).toFact()),
          UnknownFact.class);
    }

    @Test
    void a_correction_cannot_be_corrected() {
      var first = correct(id("k1"), id("j"), admit(id("j"), HITECS, Y2001).toFact());
      refuses(
          correct(id("k2"), id("k1"), admit(id("k1"), HITECS, year(2002)).toFact()),
          FactNotAmendable.class,
          admit(id("j"), HITECS, year(2004)).toFact(),
          first.toEvent());
    }

    @Test
    void the_replacement_must_be_the_same_kind_of_fact() {
      refuses(
          correct(id("k"), id("j"), leave(id("j"), HITECS, year(2004)).toFact()),
          FactNotAmendable.class,
          admit(id("j"), HITECS, year(2004)).toFact());
    }

    @Test
    void a_correction_must_change_something() {
      refuses(
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2004)).toFact()),
          FactNotAmendable.class,
          admit(id("j"), HITECS, year(2004)).toFact());
    }

    @Test
    void a_correction_that_would_break_another_fact_is_refused() {
      refuses(
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2004)).toFact()),
          ContradictsRecordedFact.class,
          admit(id("j"), HITECS, Y2001).toFact(),
          committed("c1", HITECS, year(2002)));
    }

    @Test
    void a_repeated_correction_changes_nothing() {
      var correction = correct(id("k"), id("j"), admit(id("j"), HITECS, Y2001).toFact());
      fixture
          .given(
              registered(Y2001), admit(id("j"), HITECS, year(2004)).toFact(), correction.toEvent())
          .when(correction)
          .expectNoEvents();
    }
  }

  @Nested
  class Retractions {

    @Test
    void a_retracted_partner_is_no_partner() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2003)),
          PartnerNotActive.class,
          admit(id("j"), HITECS, Y2001).toFact(),
          retract(id("x"), id("j")).toEvent());
    }

    @Test
    void a_fact_can_be_retracted() {
      var retraction = retract(id("x"), id("j"));
      accepts(retraction, admit(id("j"), HITECS, Y2001).toFact())
          .expectEvents(retraction.toEvent());
    }

    @Test
    void the_registration_cannot_be_retracted() {
      refuses(retract(id("x"), id("registration")), FactNotAmendable.class);
    }

    @Test
    void a_fact_is_retracted_once() {
      refuses(
          retract(id("x2"), id("j")),
          FactNotAmendable.class,
          admit(id("j"), HITECS, Y2001).toFact(),
          retract(id("x1"), id("j")).toEvent());
    }

    @Test
    void a_join_that_a_commitment_rests_on_cannot_be_retracted() {
      refuses(
          retract(id("x"), id("j")),
          ContradictsRecordedFact.class,
          admit(id("j"), HITECS, Y2001).toFact(),
          committed("c1", HITECS, year(2003)));
    }
  }

  @Nested
  class FactIds {

    @Test
    void a_repeated_command_changes_nothing() {
      fixture
          .given(registered(Y2001), admit(id("j"), HITECS, Y2001).toFact())
          .when(admit(id("j"), HITECS, Y2001))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void a_fact_id_is_not_reused_for_another_fact() {
      refuses(
          admit(id("j"), HVA, Y2001),
          FactIdAlreadyUsed.class,
          admit(id("j"), HITECS, Y2001).toFact());
    }

    @Test
    void a_fact_id_of_an_amendment_is_not_reused_for_a_fact() {
      refuses(
          admit(id("x"), HVA, Y2001),
          FactIdAlreadyUsed.class,
          admit(id("j"), HITECS, Y2001).toFact(),
          retract(id("x"), id("j")).toEvent());
    }
  }
}
