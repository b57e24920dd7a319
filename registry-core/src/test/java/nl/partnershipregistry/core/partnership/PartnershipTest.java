package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import nl.partnershipregistry.core.common.ContradictsRecordedFact;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactDatedInFuture;
import nl.partnershipregistry.core.common.FactIdAlreadyUsed;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.partnership.command.AdmitPartner;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.FulfilCommitment;
import nl.partnershipregistry.core.partnership.command.PartnershipCommand;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RenewFunding;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The partnership's rules, each shown both ways: where a fact fits the history the command records
 * exactly its event; where it does not, the command throws the rule's own exception and records
 * nothing. A fact that would break an already recorded fact is refused with {@link
 * ContradictsRecordedFact}, whose cause is the rule that recorded fact would break.
 *
 * <p>Unless a test says otherwise the history starts with STBK registered in 2001 (see {@link
 * Facts}), and the registrar records every fact on 23 November 2026.
 */
class PartnershipTest {

  /**
   * One fixture serves every test: building one inspects the aggregate, which takes longer than a
   * test, and each {@code given} starts it afresh.
   */
  private static final FixtureConfiguration<Partnership> fixture = PartnershipFixture.create();

  /** The registration of STBK in 2001, then the given events. */
  private TestExecutor<Partnership> givenRegistered(Object... history) {
    Object[] events = new Object[history.length + 1];
    events[0] = registered();
    System.arraycopy(history, 0, events, 1, history.length);
    return fixture.given(events);
  }

  /** The command is accepted and records exactly the event it proposes. */
  private ResultValidator<Partnership> accepts(Object command, Object... history) {
    return givenRegistered(history)
        .when(command)
        .expectSuccessfulHandlerExecution()
        .expectEvents(eventOf(command));
  }

  /** The command is refused with the rule's own exception and records nothing. */
  private ResultValidator<Partnership> refuses(
      Object command, Class<? extends Throwable> rule, Object... history) {
    return givenRegistered(history).when(command).expectNoEvents().expectException(rule);
  }

  /**
   * The command is refused because it would make a recorded fact break {@code rule}, and records
   * nothing.
   */
  private ResultValidator<Partnership> contradicts(
      Object command, Class<? extends Throwable> rule, Object... history) {
    return givenRegistered(history)
        .when(command)
        .expectNoEvents()
        .expectException(contradictionOf(rule));
  }

  private static Object eventOf(Object command) {
    if (command instanceof PartnershipCommand fact) {
      return fact.toFact();
    } else if (command instanceof CorrectFact correction) {
      return correction.toEvent();
    } else if (command instanceof RetractFact retraction) {
      return retraction.toEvent();
    }
    throw new IllegalArgumentException("not a partnership command: " + command);
  }

  private static Matcher<Throwable> contradictionOf(Class<? extends Throwable> rule) {
    return allOf(
        instanceOf(ContradictsRecordedFact.class),
        new FeatureMatcher<Throwable, Throwable>(
            instanceOf(rule), "a contradiction whose cause is", "cause") {
          @Override
          protected Throwable featureValueOf(Throwable contradiction) {
            return contradiction.getCause();
          }
        });
  }

  /** The registration with the phase its source names. */
  private static RegisterPartnership withPhase(RegisterPartnership r, Phase phase) {
    return new RegisterPartnership(
        r.partnershipId(),
        r.factId(),
        r.occurredOn(),
        r.startKnown(),
        r.name(),
        r.kind(),
        r.region(),
        r.sector(),
        r.goal(),
        r.predecessor(),
        phase,
        r.source(),
        r.recorded());
  }

  @Nested
  class Registration {

    @Test
    void can_register_a_partnership() {
      fixture
          .givenNoPriorActivity()
          .when(register(STARTED))
          .expectSuccessfulHandlerExecution()
          .expectEvents(registered(STARTED));
    }

    @Test
    void can_register_a_partnership_that_continues_another() {
      var registration = register(STARTED, HVA_DUAL_PROGRAMMES, RECORDED);
      fixture.givenNoPriorActivity().when(registration).expectEvents(registration.toFact());
    }

    @Test
    void cannot_register_a_partnership_as_its_own_predecessor() {
      fixture
          .givenNoPriorActivity()
          .when(register(STARTED, STBK, RECORDED))
          .expectNoEvents()
          .expectException(InvalidSuccession.class)
          .expectExceptionMessage(containsString("own predecessor"));
    }

    @Test
    void can_repeat_a_registration_without_recording_it_twice() {
      fixture
          .given(registered())
          .when(register(STARTED))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void cannot_register_a_registered_partnership_again_with_other_details() {
      fixture
          .given(registered())
          .when(register(year(2002)))
          .expectNoEvents()
          .expectException(PartnershipAlreadyRegistered.class);
    }

    @Test
    void can_rename_and_describe_a_partnership() {
      accepts(rename(id("n"), year(2005), "Stork Technische Bedrijfskunde"));
      accepts(describe(id("d"), year(2005), PartnershipKind.EMPLOYER_PLATFORM));
    }

    @Test
    void cannot_record_a_fact_of_a_partnership_that_is_not_registered() {
      fixture
          .givenNoPriorActivity()
          .when(admit(id("j"), HITECS, STARTED))
          .expectNoEvents()
          .expectException(AggregateNotFoundException.class);
    }
  }

  /**
   * Facts dated circa or only by a bound: a fact is out of order only when it is so under every
   * reading of the dates.
   */
  @Nested
  class UncertainDates {

    /** Known only to have existed by the end of 2015, as a study of that year describes it. */
    private final PartnershipRegistered existingByEndOf2015 =
        registerExistingBy(FactDate.parse("[..2015]")).toFact();

    @Test
    void accepts_a_fact_of_the_year_a_bounded_registration_may_precede() {
      fixture
          .given(existingByEndOf2015)
          .when(evaluate(id("e"), year(2015)))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void accepts_a_chain_of_facts_that_fits_when_the_bounded_registration_came_first() {
      fixture
          .given(existingByEndOf2015, joined(HITECS, month(2015, 3)))
          .when(commit(id("c"), "c1", HITECS, month(2015, 6)))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void refuses_a_fact_before_a_bounded_registration_under_every_reading() {
      fixture
          .given(existingByEndOf2015)
          .when(evaluate(id("e"), year(2016)))
          .expectSuccessfulHandlerExecution();
      fixture
          .given(registered(FactDate.parse("[2014..]")))
          .when(evaluate(id("e"), year(2013)))
          .expectNoEvents()
          .expectException(FactBeforePartnershipStart.class);
    }

    @Test
    void accepts_a_fact_a_circa_registration_may_precede_and_refuses_one_it_cannot() {
      fixture
          .given(registered(FactDate.parse("2001~")))
          .when(admit(id("j"), HITECS, year(2000)))
          .expectSuccessfulHandlerExecution();
      fixture
          .given(registered(FactDate.parse("2001~")))
          .when(admit(id("j"), HITECS, year(1999)))
          .expectNoEvents()
          .expectException(FactBeforePartnershipStart.class);
    }

    @Test
    void accepts_graduations_spread_over_a_period_that_begins_after_the_enrolment() {
      accepts(
          graduate(id("g"), "intake", FactDate.parse("[2005..2008]"), 54),
          enrolled("intake", year(2001), 75));
    }

    @Test
    void accepts_graduations_over_a_period_the_enrolment_may_precede_and_refuses_one_it_cannot() {
      accepts(
          graduate(id("g"), "intake", FactDate.parse("[2004..2006]"), 5),
          enrolled("intake", year(2005), 20));
      refuses(
          graduate(id("g"), "intake", FactDate.parse("[2002..2004]"), 5),
          DatedBeforeItsSubject.class,
          enrolled("intake", year(2005), 20));
    }

    @Test
    void accepts_a_fact_that_needs_a_fact_itself_waiting_for_a_bounded_one() {
      // The course ran by 2015; its intake of March 2015 waits for it, and the graduations of
      // June 2015 wait for the intake: every reading with the course started before March fits.
      accepts(
          graduate(id("g"), "intake", month(2015, 6), 5),
          activityStarted("course", FactDate.parse("[..2015]")),
          enrol(id("e"), "intake", month(2015, 3), 20, "course").toFact());
    }

    @Test
    void accepts_a_commitment_circa_the_end_of_the_year_its_partner_left_and_refuses_one_after() {
      accepts(
          commit(id("c"), "c1", HITECS, FactDate.parse("2018-12~")),
          joined(HITECS, year(2004)),
          left(HITECS, year(2018)));
      refuses(
          commit(id("c"), "c1", HITECS, FactDate.parse("2019-03~")),
          PartnerNotActive.class,
          joined(HITECS, year(2004)),
          left(HITECS, year(2018)));
    }

    @Test
    void refuses_a_commitment_known_to_be_made_before_its_partner_joined() {
      refuses(
          commit(id("c"), "c1", HITECS, FactDate.parse("[..2003]")),
          PartnerNotActive.class,
          joined(HITECS, year(2004)));
    }
  }

  @Nested
  class UnknownStart {

    private final PartnershipRegistered existingBy2015 = registerExistingBy(year(2015)).toFact();

    @Test
    void can_register_a_partnership_whose_start_is_unknown() {
      fixture
          .givenNoPriorActivity()
          .when(registerExistingBy(year(2015)))
          .expectSuccessfulHandlerExecution()
          .expectEvents(existingBy2015);
    }

    @Test
    void a_registration_without_start_known_is_a_known_start() {
      assertThat(register(STARTED).startKnown()).isTrue();
      assertThat(registered().startKnown()).isTrue();
      assertThat(existingBy2015.startKnown()).isFalse();
    }

    @Test
    void can_record_facts_dated_on_and_after_the_earliest_evidence() {
      fixture
          .given(existingBy2015)
          .when(admit(id("j"), HITECS, year(2015)))
          .expectSuccessfulHandlerExecution();
      fixture
          .given(existingBy2015)
          .when(changePhase(id("p"), year(2015), Phase.STRUCTURAL))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannot_record_a_fact_dated_before_the_earliest_evidence() {
      fixture
          .given(existingBy2015)
          .when(admit(id("j"), HITECS, year(2010)))
          .expectNoEvents()
          .expectException(FactBeforePartnershipStart.class)
          .expectExceptionMessage(containsString("earliest evidence"));
    }

    @Test
    void can_move_the_evidence_back_by_correcting_the_registration() {
      fixture
          .given(existingBy2015)
          .when(correct(id("k"), REGISTRATION, registerExistingBy(year(2010)).toFact()))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void can_record_the_start_once_a_source_dates_it() {
      fixture
          .given(existingBy2015, joined(HITECS, year(2015)))
          .when(correct(id("k"), REGISTRATION, registered(year(2012))))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannot_move_the_evidence_after_a_recorded_fact() {
      fixture
          .given(existingBy2015, joined(HITECS, year(2015)))
          .when(correct(id("k"), REGISTRATION, registerExistingBy(year(2016)).toFact()))
          .expectNoEvents()
          .expectException(contradictionOf(FactBeforePartnershipStart.class));
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void can_move_from_initiated_to_pilot_to_structural() {
      accepts(changePhase(id("p"), year(2002), Phase.PILOT));
      accepts(
          changePhase(id("s"), year(2004), Phase.STRUCTURAL),
          changePhase(id("p"), year(2002), Phase.PILOT).toFact());
    }

    @Test
    void cannot_move_to_the_phase_it_is_already_in() {
      refuses(
              changePhase(id("p2"), year(2004), Phase.PILOT),
              AlreadyInPhase.class,
              changePhase(id("p1"), year(2002), Phase.PILOT).toFact())
          .expectExceptionMessage(containsString("already in phase PILOT since 2002"));
    }

    @ParameterizedTest
    @EnumSource(
        value = Phase.class,
        names = {"DISCONTINUED", "UNKNOWN"})
    void cannot_change_to_a_phase_that_has_its_own_command_or_to_unknown(Phase phase) {
      refuses(changePhase(id("p"), year(2002), phase), PhaseNotSettable.class)
          .expectExceptionMessage(containsString("cannot be changed to " + phase));
    }

    @Test
    void can_be_found_initiated_while_no_phase_is_known() {
      accepts(changePhase(id("p"), year(2002), Phase.INITIATED));
    }

    @Test
    void cannot_be_initiated_once_another_phase_is_known() {
      refuses(
              changePhase(id("i"), year(2003), Phase.INITIATED),
              PhaseNotSettable.class,
              changePhase(id("p"), year(2002), Phase.PILOT).toFact())
          .expectExceptionMessage(containsString("before any other phase is known"));
    }

    @Test
    void can_be_registered_in_the_phase_its_source_names_but_not_discontinued_or_unknown() {
      RegisterPartnership pilot = withPhase(register(STARTED), Phase.PILOT);
      fixture.givenNoPriorActivity().when(pilot).expectEvents(pilot.toFact());
      for (Phase refused : new Phase[] {Phase.DISCONTINUED, Phase.UNKNOWN}) {
        fixture
            .givenNoPriorActivity()
            .when(withPhase(register(STARTED), refused))
            .expectNoEvents()
            .expectException(PhaseNotSettable.class);
      }
    }

    @Test
    void can_discontinue_with_a_coded_reason() {
      accepts(discontinue(id("d"), year(2008), DiscontinuationReason.ECONOMIC_DOWNTURN, null));
    }

    @Test
    void can_discontinue_for_another_reason_when_the_explanation_gives_it() {
      accepts(
          discontinue(
              id("d"), year(2008), DiscontinuationReason.OTHER, "the building was demolished"));
    }

    @Test
    void cannot_discontinue_for_another_reason_without_explaining_it() {
      refuses(
          discontinue(id("d"), year(2008), DiscontinuationReason.OTHER, null),
          DiscontinuationUnexplained.class);
    }

    @Test
    void can_name_a_successor() {
      accepts(
          discontinue(
              id("d"),
              year(2008),
              DiscontinuationReason.MERGED_OR_ABSORBED,
              null,
              HVA_DUAL_PROGRAMMES));
    }

    @Test
    void cannot_name_itself_as_its_successor() {
      refuses(
              discontinue(
                  id("d"), year(2008), DiscontinuationReason.MERGED_OR_ABSORBED, null, STBK),
              InvalidSuccession.class)
          .expectExceptionMessage(containsString("own successor"));
    }

    @Test
    void cannot_discontinue_a_discontinued_partnership() {
      refuses(
              discontinue(id("d2"), year(2010), DiscontinuationReason.SUBSIDY_ENDED, null),
              PartnershipAlreadyDiscontinued.class,
              discontinued(year(2008)))
          .expectExceptionMessage(containsString("already discontinued on 2008"));
    }

    @Test
    void can_discontinue_again_after_a_revival() {
      accepts(
          discontinue(id("d2"), year(2012)),
          discontinued(year(2008)),
          revive(id("v"), year(2010), Phase.PILOT).toFact());
    }

    @Test
    void can_revive_a_discontinued_partnership() {
      accepts(revive(id("v"), year(2012), Phase.PILOT), discontinued(year(2008)));
    }

    @Test
    void cannot_revive_a_running_partnership() {
      refuses(revive(id("v"), year(2012), Phase.PILOT), PartnershipNotDiscontinued.class);
    }

    @Test
    void cannot_move_to_the_phase_it_was_revived_in() {
      refuses(
          changePhase(id("p"), year(2013), Phase.PILOT),
          AlreadyInPhase.class,
          discontinued(year(2008)),
          revive(id("v"), year(2012), Phase.PILOT).toFact());
    }

    @Test
    void cannot_revive_a_partnership_before_it_was_discontinued() {
      refuses(
              revive(id("v"), year(2007), Phase.PILOT),
              PartnershipNotDiscontinued.class,
              discontinued(year(2008)))
          .expectExceptionMessage(containsString("not discontinued on 2007"));
    }

    @ParameterizedTest
    @EnumSource(
        value = Phase.class,
        names = {"INITIATED", "DISCONTINUED", "UNKNOWN"})
    void cannot_revive_into_a_phase_that_has_its_own_command(Phase phase) {
      refuses(revive(id("v"), year(2012), phase), PhaseNotSettable.class, discontinued(year(2008)));
    }

    @Nested
    class WhileDiscontinued {

      private final Object[] endedIn2008 = {
        joined(HITECS, STARTED),
        commit(id("c"), "c1", HITECS, year(2003)).toFact(),
        awarded("f1", FundingType.SUBSIDY, year(2005)),
        enrolled("intake", year(2006), 20),
        discontinued(year(2008))
      };

      @Test
      void cannot_admit_a_partner() {
        refuses(admit(id("j"), HVA, year(2009)), PartnershipNotRunning.class, endedIn2008)
            .expectExceptionMessage(containsString("discontinued on 2008"));
      }

      @Test
      void cannot_change_the_phase() {
        refuses(
            changePhase(id("p"), year(2009), Phase.STRUCTURAL),
            PartnershipNotRunning.class,
            endedIn2008);
      }

      @Test
      void cannot_record_a_new_commitment() {
        refuses(
            commit(id("c2"), "c2", HITECS, year(2009)), PartnershipNotRunning.class, endedIn2008);
      }

      @Test
      void can_record_that_an_earlier_commitment_was_fulfilled() {
        accepts(fulfil(id("o"), "c1", year(2009)), endedIn2008);
      }

      @Test
      void can_record_that_an_earlier_commitment_was_partly_fulfilled() {
        accepts(fulfilPartly(id("o"), "c1", year(2009), Quantity.of(60, Unit.HOURS)), endedIn2008);
      }

      @Test
      void can_record_that_an_earlier_commitment_was_broken_or_withdrawn() {
        accepts(breakCommitment(id("o"), "c1", year(2009)), endedIn2008);
        accepts(withdraw(id("o"), "c1", year(2009)), endedIn2008);
      }

      @Test
      void cannot_renew_a_commitment() {
        refuses(renew(id("n"), "c1", "c2", year(2009)), PartnershipNotRunning.class, endedIn2008);
      }

      @Test
      void can_record_disbursements_ends_and_claw_backs_of_earlier_funding() {
        accepts(disburse(id("m"), "f1", year(2009), 10_000), endedIn2008);
        accepts(endFunding(id("m"), "f1", year(2009)), endedIn2008);
        accepts(clawBack(id("m"), "f1", year(2009), 10_000), endedIn2008);
      }

      @Test
      void cannot_renew_funding() {
        refuses(
            renewFunding(id("n"), "f1", "f2", year(2009)),
            PartnershipNotRunning.class,
            endedIn2008);
      }

      @Test
      void can_record_graduations_and_dropouts_of_an_earlier_cohort() {
        accepts(graduate(id("g"), "intake", year(2009), 15), endedIn2008);
        accepts(dropOut(id("g"), "intake", year(2009), 5), endedIn2008);
      }

      @Test
      void cannot_enrol_a_cohort() {
        refuses(enrol(id("e"), "late", year(2009), 20), PartnershipNotRunning.class, endedIn2008);
      }

      @Test
      void can_record_an_evaluation() {
        accepts(evaluate(id("e"), month(2021, 5)), endedIn2008);
      }

      @Test
      void can_record_a_departure_on_the_day_of_the_discontinuation() {
        accepts(
            leave(id("l"), HITECS, day(2008, 6, 30)),
            joined(HITECS, STARTED),
            discontinue(id("d"), day(2008, 6, 30)).toFact());
      }

      @Test
      void can_admit_a_partner_and_record_commitments_again_after_a_revival() {
        Object[] history = {
          joined(HITECS, STARTED),
          discontinued(year(2008)),
          revive(id("v"), year(2012), Phase.PILOT).toFact()
        };
        accepts(admit(id("j"), HVA, year(2013)), history);
        accepts(commit(id("c"), "c1", HITECS, year(2013)), history);
      }
    }
  }

  @Nested
  class Partners {

    @Test
    void can_admit_a_partner() {
      accepts(admit(id("j"), HITECS, STARTED));
    }

    @Test
    void cannot_admit_a_partner_that_is_already_active() {
      refuses(
              admit(id("j2"), HITECS, year(2003)),
              PartnerAlreadyActive.class,
              joined(HITECS, STARTED))
          .expectExceptionMessage(containsString("joined 2001"));
    }

    @Test
    void can_admit_a_partner_again_after_it_left() {
      accepts(
          admit(id("j2"), HITECS, year(2005)), joined(HITECS, STARTED), left(HITECS, year(2003)));
    }

    @Test
    void can_change_the_role_of_an_active_partner() {
      accepts(changeRole(id("r"), HITECS, year(2003), PartnerRole.LEAD), joined(HITECS, STARTED));
    }

    @Test
    void can_change_the_role_on_the_day_the_partner_joined() {
      accepts(
          changeRole(id("r"), HITECS, day(2003, 9, 1), PartnerRole.LEAD),
          joined(HITECS, day(2003, 9, 1)));
    }

    @Test
    void cannot_change_the_role_of_an_organisation_that_is_no_partner() {
      refuses(
          changeRole(id("r"), HVA, year(2003), PartnerRole.LEAD),
          PartnerNotActive.class,
          joined(HITECS, STARTED));
    }

    @Test
    void cannot_change_the_role_of_a_partner_that_left() {
      refuses(
          changeRole(id("r"), HITECS, year(2006), PartnerRole.LEAD),
          PartnerNotActive.class,
          joined(HITECS, STARTED),
          left(HITECS, year(2005)));
    }

    @Test
    void cannot_change_a_partner_to_the_role_it_joined_in() {
      refuses(
              changeRole(id("r"), HITECS, year(2003), PartnerRole.CORE),
              PartnerAlreadyInRole.class,
              joined(HITECS, STARTED))
          .expectExceptionMessage(containsString("already has the role CORE"));
    }

    @Test
    void cannot_change_a_partner_to_the_role_it_changed_to() {
      refuses(
          changeRole(id("r2"), HITECS, year(2005), PartnerRole.LEAD),
          PartnerAlreadyInRole.class,
          joined(HITECS, STARTED),
          changeRole(id("r1"), HITECS, year(2003), PartnerRole.LEAD).toFact());
    }

    @Test
    void can_record_the_departure_of_an_active_partner() {
      accepts(leave(id("l"), HITECS, year(2006)), joined(HITECS, STARTED));
    }

    @Test
    void cannot_record_the_departure_of_an_organisation_that_never_joined() {
      refuses(leave(id("l"), HVA, year(2006)), PartnerNotActive.class, joined(HITECS, STARTED));
    }

    @Test
    void cannot_record_the_departure_of_a_partner_that_already_left() {
      refuses(
          leave(id("l2"), HITECS, year(2007)),
          PartnerNotActive.class,
          joined(HITECS, STARTED),
          left(HITECS, year(2006)));
    }
  }

  @Nested
  class Commitments {

    private final Object[] hitecsCommittedIn2003 = {
      joined(HITECS, STARTED), committed("c1", HITECS, year(2003))
    };

    @Test
    void can_record_a_commitment_of_an_active_partner() {
      accepts(commit(id("c"), "c1", HITECS, year(2003)), joined(HITECS, STARTED));
    }

    @Test
    void cannot_record_a_commitment_of_an_organisation_that_never_joined() {
      refuses(
              commit(id("c"), "c1", HVA, year(2003)),
              PartnerNotActive.class,
              joined(HITECS, STARTED))
          .expectExceptionMessage(
              allOf(
                  containsString("commitment c1"),
                  containsString("needs hva to be an active partner of stbk on 2003")));
    }

    @Test
    void cannot_record_a_commitment_dated_before_the_partner_joined() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2003)),
          PartnerNotActive.class,
          joined(HITECS, year(2004)));
    }

    @Test
    void cannot_record_a_commitment_dated_after_the_partner_left() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2007)),
          PartnerNotActive.class,
          joined(HITECS, STARTED),
          left(HITECS, year(2006)));
    }

    @Test
    void cannot_reuse_a_commitment_identifier() {
      refuses(
              commit(id("c2"), "c1", HITECS, year(2004)),
              IdentifierAlreadyUsed.class,
              hitecsCommittedIn2003)
          .expectExceptionMessage(containsString("commitment c1 already exists"));
    }

    @Test
    void can_count_a_commitment_in_a_unit_that_fits_its_type() {
      accepts(
          commit(
              id("c"),
              "c1",
              HITECS,
              year(2003),
              CommitmentType.PLACEMENTS,
              Quantity.of(12, Unit.PLACES)),
          joined(HITECS, STARTED));
    }

    @Test
    void cannot_count_a_commitment_in_a_unit_that_does_not_fit_its_type() {
      refuses(
              commit(
                  id("c"),
                  "c1",
                  HITECS,
                  year(2003),
                  CommitmentType.MONEY,
                  Quantity.of(10, Unit.HOURS)),
              UnitDoesNotFit.class,
              joined(HITECS, STARTED))
          .expectExceptionMessage(containsString("MONEY commitment cannot be counted in HOURS"));
    }

    @Test
    void can_record_that_a_commitment_was_fulfilled() {
      accepts(fulfil(id("o"), "c1", year(2008)), hitecsCommittedIn2003);
    }

    @Test
    void can_settle_a_commitment_on_the_day_it_was_made() {
      accepts(
          fulfil(id("o"), "c1", day(2003, 9, 1)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, day(2003, 9, 1)));
    }

    @Test
    void can_record_that_a_commitment_was_broken_or_withdrawn() {
      accepts(breakCommitment(id("o"), "c1", year(2008)), hitecsCommittedIn2003);
      accepts(withdraw(id("o"), "c1", year(2005)), hitecsCommittedIn2003);
    }

    @Test
    void cannot_settle_a_commitment_that_was_already_settled() {
      refuses(
              breakCommitment(id("o2"), "c1", year(2009)),
              CommitmentAlreadySettled.class,
              joined(HITECS, STARTED),
              committed("c1", HITECS, year(2003)),
              fulfil(id("o1"), "c1", year(2008)).toFact())
          .expectExceptionMessage(containsString("already settled as fulfilled on 2008"));
    }

    @Test
    void can_record_a_partial_fulfilment_of_less_than_was_promised() {
      accepts(
          fulfilPartly(id("o"), "c1", year(2008), Quantity.of(60, Unit.HOURS)),
          hitecsCommittedIn2003);
    }

    @Test
    void cannot_record_a_partial_fulfilment_of_all_that_was_promised() {
      refuses(
              fulfilPartly(id("o"), "c1", year(2008), HUNDRED_HOURS),
              DeliveryNotPartial.class,
              hitecsCommittedIn2003)
          .expectExceptionMessage(containsString("record it as fulfilled"));
    }

    @Test
    void cannot_record_a_partial_fulfilment_of_more_than_was_promised() {
      refuses(
          fulfilPartly(id("o"), "c1", year(2008), Quantity.of(150, Unit.HOURS)),
          DeliveryNotPartial.class,
          hitecsCommittedIn2003);
    }

    @Test
    void cannot_record_a_partial_fulfilment_in_another_unit_than_was_promised() {
      refuses(
          fulfilPartly(id("o"), "c1", year(2008), Quantity.of(2, Unit.PERSONS)),
          UnitDoesNotFit.class,
          hitecsCommittedIn2003);
    }

    @Test
    void can_fulfil_a_commitment_with_more_than_was_promised() {
      accepts(
          new FulfilCommitment(
              STBK,
              id("o"),
              year(2008),
              CommitmentId.of("c1"),
              Quantity.of(277, Unit.HOURS),
              null,
              Facts.SOURCE,
              Facts.RECORDED),
          hitecsCommittedIn2003);
    }

    @Test
    void cannot_fulfil_a_commitment_with_less_than_was_promised() {
      refuses(
              new FulfilCommitment(
                  STBK,
                  id("o"),
                  year(2008),
                  CommitmentId.of("c1"),
                  Quantity.of(60, Unit.HOURS),
                  null,
                  Facts.SOURCE,
                  Facts.RECORDED),
              DeliveryBelowPromise.class,
              hitecsCommittedIn2003)
          .expectExceptionMessage(containsString("record it as partly fulfilled"));
    }

    @Test
    void cannot_fulfil_a_commitment_with_a_delivery_in_another_unit() {
      refuses(
              new FulfilCommitment(
                  STBK,
                  id("o"),
                  year(2008),
                  CommitmentId.of("c1"),
                  Quantity.of(3, Unit.PERSONS),
                  null,
                  Facts.SOURCE,
                  Facts.RECORDED),
              UnitDoesNotFit.class,
              hitecsCommittedIn2003)
          .expectExceptionMessage(containsString("the delivery on commitment c1"));
    }

    @Test
    void can_record_a_partial_fulfilment_that_the_source_gives_as_a_lower_bound() {
      accepts(
          fulfilPartly(id("o"), "c1", year(2008), Quantity.atLeast(60, Unit.HOURS)),
          hitecsCommittedIn2003);
    }

    @Test
    void cannot_settle_an_unknown_commitment() {
      refuses(fulfil(id("o"), "c9", year(2008)), UnknownReference.class, hitecsCommittedIn2003)
          .expectExceptionMessage(containsString("no commitment c9"));
    }

    @Test
    void cannot_settle_a_commitment_before_it_was_made() {
      refuses(fulfil(id("o"), "c1", year(2002)), DatedBeforeItsSubject.class, hitecsCommittedIn2003)
          .expectExceptionMessage(containsString("before commitment c1 began (2003)"));
    }

    @Test
    void can_renew_a_commitment() {
      accepts(renew(id("n"), "c1", "c2", year(2005)), hitecsCommittedIn2003);
    }

    @Test
    void can_settle_the_new_commitment_a_renewal_made() {
      accepts(
          fulfil(id("o"), "c2", year(2007)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          renew(id("n"), "c1", "c2", year(2005)).toFact());
    }

    @Test
    void cannot_settle_a_renewal_before_it_was_made() {
      refuses(
          fulfil(id("o"), "c2", year(2004)),
          DatedBeforeItsSubject.class,
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          renew(id("n"), "c1", "c2", year(2005)).toFact());
    }

    @Test
    void cannot_renew_a_commitment_that_was_already_renewed() {
      refuses(
          renew(id("n2"), "c1", "c3", year(2006)),
          CommitmentAlreadySettled.class,
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          renew(id("n1"), "c1", "c2", year(2005)).toFact());
    }

    @Test
    void cannot_renew_a_commitment_under_an_identifier_already_used() {
      refuses(
          renew(id("n"), "c1", "c2", year(2005)),
          IdentifierAlreadyUsed.class,
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          committed("c2", HITECS, year(2004)));
    }

    @Test
    void cannot_record_a_commitment_under_the_identifier_of_a_renewal() {
      refuses(
          commit(id("c"), "c2", HITECS, year(2006)),
          IdentifierAlreadyUsed.class,
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          renew(id("n"), "c1", "c2", year(2005)).toFact());
    }

    @Test
    void cannot_renew_a_commitment_in_a_unit_that_does_not_fit_its_type() {
      refuses(
          renew(id("n"), "c1", "c2", year(2005), Quantity.of(5_000, Unit.EUR)),
          UnitDoesNotFit.class,
          hitecsCommittedIn2003);
    }

    @Test
    void cannot_renew_a_commitment_of_a_partner_that_left() {
      refuses(
          renew(id("n"), "c1", "c2", year(2007)),
          PartnerNotActive.class,
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          left(HITECS, year(2006)));
    }
  }

  @Nested
  class Funding {

    private final Object awardedIn2005 = awarded("f1", FundingType.SUBSIDY, year(2005));

    @Test
    void can_award_a_subsidy_from_its_instrument() {
      accepts(award(id("a"), "f1", FundingType.SUBSIDY, SubsidyInstrument.RIF, year(2005)));
    }

    @Test
    void can_award_other_funding_without_an_instrument() {
      accepts(award(id("a"), "f1", FundingType.CO_FINANCING, null, year(2005)));
    }

    @Test
    void cannot_name_an_instrument_for_funding_that_is_no_subsidy() {
      refuses(
              award(id("a"), "f1", FundingType.MEMBER_FEES, SubsidyInstrument.RIF, year(2005)),
              InstrumentWithoutSubsidy.class)
          .expectExceptionMessage(containsString("only a subsidy has an instrument"));
    }

    @Test
    void cannot_reuse_a_funding_identifier() {
      refuses(
          award(id("a"), "f1", FundingType.TUITION, year(2006)),
          IdentifierAlreadyUsed.class,
          awardedIn2005);
    }

    @Test
    void can_disburse_up_to_the_award() {
      accepts(
          disburse(id("m2"), "f1", year(2007), 40_000),
          awardedIn2005,
          disburse(id("m1"), "f1", year(2006), 60_000).toFact());
    }

    @Test
    void cannot_disburse_more_than_the_award() {
      refuses(
              disburse(id("m2"), "f1", year(2007), 40_001),
              FundingExceeded.class,
              awardedIn2005,
              disburse(id("m1"), "f1", year(2006), 60_000).toFact())
          .expectExceptionMessage(
              containsString("disbursements would add up to EUR 100001, more than the EUR 100000"));
    }

    @Test
    void can_claw_back_up_to_the_award() {
      accepts(
          clawBack(id("k2"), "f1", year(2008), 40_000),
          awardedIn2005,
          clawBack(id("k1"), "f1", year(2007), 60_000).toFact());
    }

    @Test
    void cannot_claw_back_more_than_the_award() {
      refuses(
              clawBack(id("k2"), "f1", year(2008), 40_001),
              FundingExceeded.class,
              awardedIn2005,
              clawBack(id("k1"), "f1", year(2007), 60_000).toFact())
          .expectExceptionMessage(containsString("claw-backs"));
    }

    @Test
    void can_end_a_funding() {
      accepts(endFunding(id("e"), "f1", year(2007)), awardedIn2005);
    }

    @Test
    void cannot_end_a_funding_that_already_ended() {
      refuses(
              endFunding(id("e2"), "f1", year(2008)),
              FundingAlreadyEnded.class,
              awardedIn2005,
              endFunding(id("e1"), "f1", year(2007)).toFact())
          .expectExceptionMessage(containsString("already ended on 2007"));
    }

    @Test
    void can_renew_a_funding() {
      accepts(renewFunding(id("n"), "f1", "f2", year(2007)), awardedIn2005);
    }

    @Test
    void cannot_renew_a_funding_that_was_already_renewed() {
      refuses(
              renewFunding(id("n2"), "f1", "f3", year(2008)),
              AlreadyRenewed.class,
              awardedIn2005,
              renewFunding(id("n1"), "f1", "f2", year(2007)).toFact())
          .expectExceptionMessage(containsString("already renewed as f2"));
    }

    @Test
    void can_renew_the_renewal() {
      accepts(
          renewFunding(id("n2"), "f2", "f3", year(2009)),
          awardedIn2005,
          renewFunding(id("n1"), "f1", "f2", year(2007)).toFact());
    }

    @Test
    void cannot_renew_a_funding_under_an_identifier_already_used() {
      refuses(
          renewFunding(id("n"), "f1", "f2", year(2007)),
          IdentifierAlreadyUsed.class,
          awardedIn2005,
          awarded("f2", FundingType.TUITION, year(2006)));
    }

    @Test
    void can_disburse_a_renewal_up_to_its_own_amount() {
      accepts(
          disburse(id("m"), "f2", year(2008), 50_000),
          awardedIn2005,
          renewFunding(id("n"), "f1", "f2", year(2007)).toFact());
    }

    @Test
    void cannot_disburse_a_renewal_beyond_its_own_amount() {
      refuses(
          disburse(id("m"), "f2", year(2008), 50_001),
          FundingExceeded.class,
          awardedIn2005,
          renewFunding(id("n"), "f1", "f2", year(2007)).toFact());
    }

    @Test
    void can_award_funding_whose_amount_no_source_gives() {
      accepts(awardWithoutAmount(id("a"), "f1", year(2005)));
    }

    @Test
    void disbursements_of_funding_without_amount_are_not_capped() {
      accepts(
          disburse(id("m2"), "f1", year(2007), 900_000),
          awardWithoutAmount(id("a"), "f1", year(2005)).toFact(),
          disburse(id("m1"), "f1", year(2006), 600_000).toFact());
    }

    @Test
    void a_renewal_whose_amount_no_source_gives_is_not_capped() {
      RenewFunding known = renewFunding(id("n"), "f1", "f2", year(2007));
      accepts(
          disburse(id("m"), "f2", year(2008), 70_000),
          awardedIn2005,
          new RenewFunding(
                  known.partnershipId(),
                  known.factId(),
                  known.occurredOn(),
                  known.fundingId(),
                  known.renewalId(),
                  null,
                  known.period(),
                  known.source(),
                  known.recorded())
              .toFact());
    }

    @Test
    void cannot_disburse_an_unknown_funding() {
      refuses(disburse(id("m"), "f9", year(2007), 1), UnknownReference.class, awardedIn2005);
    }

    @Test
    void cannot_disburse_a_funding_before_it_was_awarded() {
      refuses(disburse(id("m"), "f1", year(2004), 1), DatedBeforeItsSubject.class, awardedIn2005)
          .expectExceptionMessage(containsString("before funding f1 began (2005)"));
    }
  }

  @Nested
  class Activities {

    private final Object startedIn2001 = activityStarted("a1", STARTED);

    @Test
    void can_start_an_activity() {
      accepts(startActivity(id("s"), "a1", STARTED));
    }

    @Test
    void cannot_reuse_an_activity_identifier() {
      refuses(startActivity(id("s"), "a1", year(2003)), IdentifierAlreadyUsed.class, startedIn2001);
    }

    @Test
    void can_end_an_activity() {
      accepts(endActivity(id("e"), "a1", year(2008)), startedIn2001);
    }

    @Test
    void can_end_an_activity_on_the_day_it_started() {
      accepts(endActivity(id("e"), "a1", day(2003, 9, 1)), activityStarted("a1", day(2003, 9, 1)));
    }

    @Test
    void cannot_end_an_activity_that_already_ended() {
      refuses(
              endActivity(id("e2"), "a1", year(2009)),
              ActivityAlreadyEnded.class,
              startedIn2001,
              endActivity(id("e1"), "a1", year(2008)).toFact())
          .expectExceptionMessage(containsString("already ended on 2008"));
    }

    @Test
    void cannot_end_an_unknown_activity() {
      refuses(endActivity(id("e"), "a9", year(2008)), UnknownReference.class, startedIn2001);
    }

    @Test
    void cannot_end_an_activity_before_it_started() {
      refuses(
          endActivity(id("e"), "a1", year(2002)),
          DatedBeforeItsSubject.class,
          activityStarted("a1", year(2003)));
    }
  }

  @Nested
  class Cohorts {

    private final Object enrolled75 = enrolled("intake", STARTED, 75);

    @Test
    void can_enrol_a_cohort() {
      accepts(enrol(id("e"), "intake", STARTED, 75));
    }

    @Test
    void can_enrol_a_cohort_in_a_running_activity() {
      accepts(enrol(id("e"), "intake", year(2002), 20, "a1"), activityStarted("a1", STARTED));
    }

    @Test
    void cannot_enrol_a_cohort_in_an_unknown_activity() {
      refuses(
          enrol(id("e"), "intake", year(2002), 20, "a9"),
          UnknownReference.class,
          activityStarted("a1", STARTED));
    }

    @Test
    void cannot_enrol_a_cohort_in_an_activity_before_it_started() {
      refuses(
          enrol(id("e"), "intake", year(2002), 20, "a1"),
          DatedBeforeItsSubject.class,
          activityStarted("a1", year(2003)));
    }

    @Test
    void cannot_reuse_a_cohort_identifier() {
      refuses(enrol(id("e"), "intake", year(2003), 10), IdentifierAlreadyUsed.class, enrolled75);
    }

    @Test
    void can_record_graduates_and_dropouts_up_to_the_enrolment() {
      accepts(
          dropOut(id("d"), "intake", year(2008), 20),
          enrolled75,
          graduate(id("g"), "intake", year(2008), 55).toFact());
    }

    @Test
    void cannot_record_more_graduates_and_dropouts_than_enrolled() {
      refuses(
              dropOut(id("d"), "intake", year(2008), 21),
              CohortOutcomesExceedEnrolment.class,
              enrolled75,
              graduate(id("g"), "intake", year(2008), 55).toFact())
          .expectExceptionMessage(containsString("76 participants"));
    }

    @Test
    void cannot_record_outcomes_of_an_unknown_cohort() {
      refuses(graduate(id("g"), "nobody", year(2008), 5), UnknownReference.class, enrolled75);
    }

    @Test
    void cannot_record_graduations_before_the_enrolment() {
      refuses(
          graduate(id("g"), "intake", year(2004), 5),
          DatedBeforeItsSubject.class,
          enrolled("intake", year(2005), 20));
    }
  }

  @Nested
  class KeyPersons {

    private final Object hitecsJoined = joined(HITECS, STARTED);

    @Test
    void can_assign_a_person_of_an_active_partner() {
      accepts(assign(id("k"), "pm", HITECS, STARTED), hitecsJoined);
    }

    @Test
    void can_assign_a_person_whose_organisation_no_source_names() {
      accepts(assign(id("k"), "founding-teacher", null, STARTED), hitecsJoined);
    }

    @Test
    void cannot_assign_a_person_of_an_organisation_that_is_no_partner() {
      refuses(assign(id("k"), "pm", HVA, STARTED), PartnerNotActive.class, hitecsJoined);
    }

    @Test
    void cannot_assign_a_person_of_a_partner_that_left() {
      refuses(
          assign(id("k"), "pm", HITECS, year(2006)),
          PartnerNotActive.class,
          hitecsJoined,
          left(HITECS, year(2005)));
    }

    @Test
    void cannot_reuse_a_key_person_identifier() {
      refuses(
          assign(id("k"), "pm", HVA, year(2003)),
          IdentifierAlreadyUsed.class,
          hitecsJoined,
          joined(HVA, STARTED),
          assigned("pm", HITECS, STARTED));
    }

    @Test
    void can_record_that_a_key_person_left() {
      accepts(
          keyPersonLeaves(id("l"), "pm", year(2006)),
          hitecsJoined,
          assigned("pm", HITECS, STARTED));
    }

    @Test
    void cannot_record_that_a_key_person_left_twice() {
      refuses(
              keyPersonLeaves(id("l2"), "pm", year(2007)),
              KeyPersonAlreadyLeft.class,
              hitecsJoined,
              assigned("pm", HITECS, STARTED),
              keyPersonLeaves(id("l1"), "pm", year(2006)).toFact())
          .expectExceptionMessage(containsString("already left on 2006"));
    }

    @Test
    void can_record_a_successor() {
      accepts(
          succeed(id("s"), "pm", "pm2", year(2006)),
          hitecsJoined,
          assigned("pm", HITECS, STARTED),
          assigned("pm2", HITECS, year(2006)));
    }

    @Test
    void can_record_a_successor_of_a_key_person_who_left() {
      accepts(
          succeed(id("s"), "pm", "pm2", year(2006)),
          hitecsJoined,
          assigned("pm", HITECS, STARTED),
          keyPersonLeaves(id("l"), "pm", year(2006)).toFact(),
          assigned("pm2", HITECS, year(2006)));
    }

    @Test
    void cannot_record_a_key_person_succeeding_themselves() {
      refuses(
              succeed(id("s"), "pm", "pm", year(2006)),
              InvalidSuccession.class,
              hitecsJoined,
              assigned("pm", HITECS, STARTED))
          .expectExceptionMessage(containsString("cannot succeed themselves"));
    }

    @Test
    void cannot_record_a_second_successor() {
      refuses(
              succeed(id("s2"), "pm", "pm3", year(2007)),
              KeyPersonAlreadyLeft.class,
              hitecsJoined,
              assigned("pm", HITECS, STARTED),
              assigned("pm2", HITECS, year(2006)),
              assigned("pm3", HITECS, year(2006)),
              succeed(id("s1"), "pm", "pm2", year(2006)).toFact())
          .expectExceptionMessage(containsString("already was succeeded on 2006"));
    }

    @Test
    void cannot_record_a_successor_who_was_not_assigned() {
      refuses(
          succeed(id("s"), "pm", "pm2", year(2006)),
          UnknownReference.class,
          hitecsJoined,
          assigned("pm", HITECS, STARTED));
    }

    @Test
    void cannot_record_a_succession_before_the_successor_was_assigned() {
      refuses(
          succeed(id("s"), "pm", "pm2", year(2006)),
          DatedBeforeItsSubject.class,
          hitecsJoined,
          assigned("pm", HITECS, STARTED),
          assigned("pm2", HITECS, year(2008)));
    }
  }

  @Nested
  class Governance {

    private final Object covenantIn2003 =
        establish(id("g"), year(2003), GovernanceForm.COVENANT, "Convenant STBK").toFact();

    @Test
    void can_establish_governance() {
      accepts(establish(id("g"), year(2003), GovernanceForm.COVENANT, "Convenant STBK"));
    }

    @Test
    void cannot_establish_governance_twice() {
      refuses(
              establish(id("g2"), year(2005), GovernanceForm.FOUNDATION, "Stichting STBK"),
              GovernanceConflict.class,
              covenantIn2003)
          .expectExceptionMessage(containsString("already established on 2003"));
    }

    @Test
    void can_change_the_form_of_governance() {
      accepts(
          changeGovernance(id("c"), year(2007), GovernanceForm.FOUNDATION, "Stichting STBK"),
          covenantIn2003);
    }

    @Test
    void can_change_only_the_name_of_the_entity() {
      accepts(
          changeGovernance(id("c"), year(2007), GovernanceForm.COVENANT, "Convenant STBK 2007"),
          covenantIn2003);
    }

    @Test
    void cannot_change_governance_that_was_never_established() {
      refuses(
              changeGovernance(id("c"), year(2007), GovernanceForm.FOUNDATION, "Stichting STBK"),
              GovernanceConflict.class)
          .expectExceptionMessage(containsString("no governance was established by 2007"));
    }

    @Test
    void cannot_change_governance_before_it_was_established() {
      refuses(
          changeGovernance(id("c"), year(2002), GovernanceForm.FOUNDATION, "Stichting STBK"),
          GovernanceConflict.class,
          covenantIn2003);
    }

    @Test
    void cannot_change_governance_into_what_it_is() {
      refuses(
              changeGovernance(id("c"), year(2007), GovernanceForm.COVENANT, "Convenant STBK"),
              GovernanceConflict.class,
              covenantIn2003)
          .expectExceptionMessage(containsString("already COVENANT Convenant STBK"));
    }

    @Test
    void cannot_change_governance_into_what_it_was_changed_to() {
      refuses(
          changeGovernance(id("c2"), year(2009), GovernanceForm.FOUNDATION, "Stichting STBK"),
          GovernanceConflict.class,
          covenantIn2003,
          changeGovernance(id("c1"), year(2007), GovernanceForm.FOUNDATION, "Stichting STBK")
              .toFact());
    }
  }

  @Nested
  class Evaluations {

    @Test
    void can_record_an_evaluation() {
      accepts(evaluate(id("e"), year(2005)));
    }

    @Test
    void can_record_an_evaluation_written_years_after_the_end() {
      accepts(evaluate(id("e"), month(2021, 5)), discontinued(year(2008)));
    }

    @Test
    void cannot_record_an_evaluation_dated_before_the_start() {
      refuses(evaluate(id("e"), year(1999)), FactBeforePartnershipStart.class);
    }

    @Test
    void cannot_record_an_evaluation_dated_after_the_day_it_is_recorded() {
      refuses(evaluate(id("e"), year(2027)), FactDatedInFuture.class);
    }
  }

  @Nested
  class Dates {

    @Test
    void can_record_a_fact_dated_on_the_start() {
      accepts(admit(id("j"), HITECS, STARTED));
    }

    @Test
    void cannot_record_a_fact_dated_before_the_start() {
      refuses(admit(id("j"), HITECS, year(2000)), FactBeforePartnershipStart.class)
          .expectExceptionMessage(
              allOf(
                  containsString("is dated 2000"),
                  containsString("before partnership stbk started (2001)")));
    }

    @Test
    void can_record_a_fact_dated_on_the_day_it_is_recorded() {
      accepts(evaluate(id("e"), day(2026, 11, 23)));
    }

    @Test
    void cannot_record_a_fact_dated_after_the_day_it_is_recorded() {
      refuses(evaluate(id("e"), day(2026, 11, 24)), FactDatedInFuture.class)
          .expectExceptionMessage(
              containsString("dated 2026-11-24, after the day it is recorded (2026-11-23)"));
    }

    @Test
    void can_record_a_fact_known_only_to_have_happened_by_the_day_it_is_recorded() {
      accepts(admit(id("j"), HITECS, FactDate.parse("[..2026-11-23]")));
    }

    @Test
    void can_record_a_fact_whose_date_may_lie_before_its_recording_under_some_reading() {
      accepts(evaluate(id("e"), FactDate.parse("2027~")));
      accepts(evaluate(id("e"), FactDate.parse("[2026-11..]")));
    }

    @Test
    void cannot_record_a_fact_whose_date_lies_after_its_recording_under_every_reading() {
      refuses(evaluate(id("e"), FactDate.parse("[2026-11-24..]")), FactDatedInFuture.class)
          .expectExceptionMessage(containsString("dated [2026-11-24..]"));
      refuses(evaluate(id("e"), FactDate.parse("2028~")), FactDatedInFuture.class);
    }

    @Test
    void cannot_record_a_fact_known_to_have_happened_by_a_day_before_the_start() {
      refuses(admit(id("j"), HITECS, FactDate.parse("[..2000]")), FactBeforePartnershipStart.class)
          .expectExceptionMessage(containsString("is dated [..2000]"));
    }

    @Test
    void can_record_a_fact_dated_only_by_the_current_month_or_year() {
      accepts(evaluate(id("e"), month(2026, 11)));
      accepts(evaluate(id("e"), year(2026)));
    }

    @Test
    void cannot_record_a_fact_dated_by_a_month_that_has_not_begun() {
      refuses(evaluate(id("e"), month(2026, 12)), FactDatedInFuture.class);
    }

    @Test
    void cannot_register_a_partnership_that_starts_after_the_day_it_is_recorded() {
      fixture
          .givenNoPriorActivity()
          .when(register(day(2026, 11, 24)))
          .expectNoEvents()
          .expectException(FactDatedInFuture.class);
    }

    @Test
    void judges_the_recording_day_by_the_calendar_in_amsterdam() {
      // 23:30 UTC on 23 November is already 24 November in Amsterdam (UTC+1).
      accepts(evaluate(id("e"), day(2026, 11, 24), recordedAt("2026-11-23T23:30:00Z")));
      refuses(
          evaluate(id("e"), day(2026, 11, 24), recordedAt("2026-11-23T22:59:59Z")),
          FactDatedInFuture.class);
    }

    @Test
    void can_record_a_fact_dated_by_the_year_of_a_start_dated_on_its_first_day() {
      fixture
          .given(registered(day(2001, 1, 1)))
          .when(admit(id("j"), HITECS, year(2001)))
          .expectEvents(admit(id("j"), HITECS, year(2001)).toFact());
    }

    @Test
    void can_record_a_commitment_dated_by_month_in_the_year_the_partner_joined() {
      accepts(commit(id("c"), "c1", HITECS, month(2003, 6)), joined(HITECS, year(2003)));
    }
  }

  /**
   * A date of month or year precision stands for its whole period. A fact is refused for lying
   * before or after another only when it does so under every reading of both dates; where the
   * periods overlap, it is taken in the order that lets it fit.
   */
  @Nested
  class OverlappingDates {

    private final FactDate february2018 = month(2018, 2);

    private TestExecutor<Partnership> givenStarted(FactDate started, Object... history) {
      Object[] events = new Object[history.length + 1];
      events[0] = registered(started);
      System.arraycopy(history, 0, events, 1, history.length);
      return fixture.given(events);
    }

    // The start

    @Test
    void can_record_a_fact_dated_by_year_in_the_year_a_partnership_started_in_february() {
      givenStarted(february2018)
          .when(admit(id("j"), HITECS, year(2018)))
          .expectSuccessfulHandlerExecution()
          .expectEvents(admit(id("j"), HITECS, year(2018)).toFact());
    }

    @Test
    void cannot_record_a_fact_in_the_year_before_a_partnership_started() {
      givenStarted(february2018)
          .when(admit(id("j"), HITECS, year(2017)))
          .expectNoEvents()
          .expectException(FactBeforePartnershipStart.class)
          .expectExceptionMessage(
              allOf(
                  containsString("is dated 2017"),
                  containsString("before partnership stbk started (2018-02)")));
    }

    @Test
    void can_record_a_fact_dated_by_year_in_the_year_a_partnership_started_on_a_later_day() {
      givenStarted(day(2001, 9, 1))
          .when(admit(id("j"), HITECS, year(2001)))
          .expectEvents(admit(id("j"), HITECS, year(2001)).toFact());
    }

    @Test
    void cannot_record_a_fact_in_the_month_before_a_partnership_started() {
      givenStarted(day(2018, 2, 15))
          .when(admit(id("j"), HITECS, month(2018, 1)))
          .expectNoEvents()
          .expectException(FactBeforePartnershipStart.class);
    }

    @Test
    void can_correct_the_start_to_a_month_in_the_year_of_recorded_facts() {
      accepts(
          correct(id("k"), REGISTRATION, register(month(2001, 9)).toFact()),
          joined(HITECS, STARTED));
    }

    @Test
    void cannot_correct_the_start_to_a_month_after_recorded_facts() {
      contradicts(
          correct(id("k"), REGISTRATION, register(month(2001, 9)).toFact()),
          FactBeforePartnershipStart.class,
          joined(HITECS, month(2001, 8)));
    }

    // Joining and leaving

    @Test
    void can_record_a_commitment_dated_by_year_when_the_partner_joined_later_that_year() {
      accepts(commit(id("c"), "c1", HITECS, year(2003)), joined(HITECS, month(2003, 6)));
    }

    @Test
    void cannot_record_a_commitment_in_the_month_before_the_partner_joined() {
      refuses(
              commit(id("c"), "c1", HITECS, month(2003, 5)),
              PartnerNotActive.class,
              joined(HITECS, month(2003, 6)))
          .expectExceptionMessage(
              containsString("needs hitecs to be an active partner of stbk on 2003-05"));
    }

    @Test
    void can_record_a_departure_dated_by_year_of_a_partner_that_joined_that_year() {
      accepts(leave(id("l"), HITECS, year(2003)), joined(HITECS, month(2003, 6)));
    }

    @Test
    void can_change_the_role_of_a_partner_in_the_year_it_joined_by_month() {
      accepts(
          changeRole(id("r"), HITECS, year(2003), PartnerRole.LEAD),
          joined(HITECS, month(2003, 6)));
    }

    @Test
    void can_assign_a_key_person_dated_by_year_of_a_partner_that_joined_that_year() {
      accepts(assign(id("k"), "anna", HITECS, year(2003)), joined(HITECS, month(2003, 6)));
    }

    @Test
    void cannot_assign_a_key_person_in_the_month_before_the_partner_joined() {
      refuses(
          assign(id("k"), "anna", HITECS, month(2003, 5)),
          PartnerNotActive.class,
          joined(HITECS, month(2003, 6)));
    }

    @Test
    void can_record_a_commitment_dated_by_month_in_the_year_the_partner_left() {
      accepts(
          commit(id("c"), "c1", HITECS, month(2006, 5)),
          joined(HITECS, STARTED),
          left(HITECS, year(2006)));
    }

    @Test
    void cannot_record_a_commitment_in_the_month_after_the_partner_left() {
      refuses(
          commit(id("c"), "c1", HITECS, month(2006, 6)),
          PartnerNotActive.class,
          joined(HITECS, STARTED),
          left(HITECS, month(2006, 5)));
    }

    @Test
    void can_record_a_departure_dated_by_year_of_a_commitment_made_later_that_year() {
      accepts(
          leave(id("l"), HITECS, year(2006)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, month(2006, 5)));
    }

    @Test
    void cannot_record_a_departure_in_a_month_before_a_recorded_commitment() {
      contradicts(
          leave(id("l"), HITECS, month(2006, 3)),
          PartnerNotActive.class,
          joined(HITECS, STARTED),
          committed("c1", HITECS, month(2006, 5)));
    }

    @Test
    void can_admit_a_partner_again_in_the_year_it_left_by_month() {
      accepts(
          admit(id("j2"), HITECS, year(2005)),
          joined(HITECS, STARTED),
          left(HITECS, month(2005, 6)));
    }

    @Test
    void cannot_admit_a_partner_again_in_a_month_before_it_left() {
      refuses(
          admit(id("j2"), HITECS, month(2005, 3)),
          PartnerAlreadyActive.class,
          joined(HITECS, STARTED),
          left(HITECS, month(2005, 6)));
    }

    @Test
    void can_renew_a_commitment_after_a_join_again_in_the_year_the_partner_left() {
      // "Left in 2006" waits for the renewal of February, until the join of 10 February needs it.
      accepts(
          renew(id("n"), "c1", "c2", month(2006, 2)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, day(2006, 2, 20)),
          left(HITECS, year(2006)),
          joined(HITECS, day(2006, 2, 10)));
    }

    @Test
    void can_record_a_commitment_dated_by_year_of_a_partner_that_joined_again_that_year() {
      accepts(
          commit(id("c"), "c1", HITECS, year(2005)),
          joined(HITECS, STARTED),
          left(HITECS, year(2003)),
          joined(HITECS, month(2005, 6)));
    }

    // Discontinuation and revival

    @Test
    void can_record_a_commitment_dated_by_month_in_the_year_the_partnership_was_discontinued() {
      accepts(
          commit(id("c"), "c1", HITECS, month(2008, 6)),
          joined(HITECS, STARTED),
          discontinued(year(2008)));
    }

    @Test
    void cannot_record_a_commitment_in_the_month_after_the_partnership_was_discontinued() {
      refuses(
              commit(id("c"), "c1", HITECS, month(2008, 7)),
              PartnershipNotRunning.class,
              joined(HITECS, STARTED),
              discontinued(month(2008, 6)))
          .expectExceptionMessage(containsString("discontinued on 2008-06"));
    }

    @Test
    void can_record_a_discontinuation_dated_by_year_of_facts_later_that_year() {
      accepts(discontinue(id("d"), year(2008)), joined(HITECS, month(2008, 6)));
    }

    @Test
    void cannot_record_a_discontinuation_in_a_month_before_recorded_facts() {
      contradicts(
          discontinue(id("d"), month(2008, 5)),
          PartnershipNotRunning.class,
          joined(HITECS, month(2008, 6)));
    }

    @Test
    void can_revive_a_partnership_dated_by_year_that_was_discontinued_in_june() {
      accepts(revive(id("v"), year(2008), Phase.PILOT), discontinued(month(2008, 6)));
    }

    @Test
    void cannot_revive_a_partnership_in_the_month_before_it_was_discontinued() {
      refuses(
          revive(id("v"), month(2008, 5), Phase.PILOT),
          PartnershipNotDiscontinued.class,
          discontinued(month(2008, 6)));
    }

    @Test
    void can_revive_a_partnership_in_january_of_the_year_it_was_discontinued() {
      // The discontinuation "in 2008" is taken in January, before the join of June.
      accepts(
          revive(id("v"), month(2008, 1), Phase.PILOT),
          discontinued(year(2008)),
          joined(HITECS, month(2008, 6)));
    }

    @Test
    void cannot_change_to_the_phase_of_a_revival_in_january_of_the_year_it_was_discontinued() {
      // The revival of January needs the discontinuation "in 2008" before it, so that is January.
      refuses(
              changePhase(id("p"), month(2008, 2), Phase.PILOT),
              AlreadyInPhase.class,
              discontinued(year(2008)),
              revive(id("v"), month(2008, 1), Phase.PILOT).toFact())
          .expectExceptionMessage(containsString("already in phase PILOT since 2008-01"));
    }

    @Test
    void can_record_a_commitment_dated_by_year_of_a_revival_in_september() {
      accepts(
          commit(id("c"), "c1", HITECS, year(2008)),
          joined(HITECS, STARTED),
          discontinued(year(2007)),
          revive(id("v"), month(2008, 9), Phase.PILOT).toFact());
    }

    @Test
    void cannot_record_a_commitment_in_a_month_before_the_revival() {
      refuses(
          commit(id("c"), "c1", HITECS, month(2008, 8)),
          PartnershipNotRunning.class,
          joined(HITECS, STARTED),
          discontinued(year(2007)),
          revive(id("v"), month(2008, 9), Phase.PILOT).toFact());
    }

    @Test
    void can_discontinue_again_dated_by_year_of_a_revival_in_march() {
      accepts(
          discontinue(id("d2"), year(2010)),
          discontinued(year(2008)),
          revive(id("v"), month(2010, 3), Phase.PILOT).toFact());
    }

    @Test
    void cannot_discontinue_again_in_the_month_before_the_revival() {
      refuses(
          discontinue(id("d2"), month(2010, 2)),
          PartnershipAlreadyDiscontinued.class,
          discontinued(year(2008)),
          revive(id("v"), month(2010, 3), Phase.PILOT).toFact());
    }

    // Facts about a commitment, funding, activity, cohort, key person or governance

    @Test
    void can_settle_a_commitment_dated_by_year_that_was_made_in_september() {
      accepts(
          fulfil(id("o"), "c1", year(2003)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, month(2003, 9)));
    }

    @Test
    void cannot_settle_a_commitment_in_the_month_before_it_was_made() {
      refuses(
              fulfil(id("o"), "c1", month(2003, 8)),
              DatedBeforeItsSubject.class,
              joined(HITECS, STARTED),
              committed("c1", HITECS, month(2003, 9)))
          .expectExceptionMessage(containsString("before commitment c1 began (2003-09)"));
    }

    @Test
    void can_settle_a_commitment_dated_by_year_of_a_partner_that_joined_in_september() {
      // The settlement follows the commitment, which follows the join.
      fixture
          .givenCommands(
              register(STARTED),
              admit(id("j"), HITECS, month(2003, 9)),
              commit(id("c"), "c1", HITECS, year(2003)))
          .when(fulfil(id("o"), "c1", year(2003)))
          .expectSuccessfulHandlerExecution()
          .expectEvents(fulfil(id("o"), "c1", year(2003)).toFact());
    }

    @Test
    void can_renew_a_commitment_dated_by_year_that_was_made_in_september() {
      accepts(
          renew(id("n"), "c1", "c2", year(2003)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, month(2003, 9)));
    }

    @Test
    void can_renew_a_commitment_dated_by_month_in_the_year_the_partner_left() {
      accepts(
          renew(id("n"), "c1", "c2", month(2006, 5)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          left(HITECS, year(2006)));
    }

    @Test
    void cannot_renew_a_commitment_in_the_month_after_the_partner_left() {
      refuses(
          renew(id("n"), "c1", "c2", month(2006, 6)),
          PartnerNotActive.class,
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          left(HITECS, month(2006, 5)));
    }

    @Test
    void can_settle_a_renewal_recorded_before_it_on_the_same_day() {
      accepts(
          renew(id("n"), "c1", "c2", day(2005, 3, 1)),
          joined(HITECS, STARTED),
          committed("c1", HITECS, year(2003)),
          fulfil(id("o"), "c2", day(2005, 3, 1)).toFact());
    }

    @Test
    void can_disburse_a_funding_dated_by_year_that_was_awarded_in_march() {
      accepts(
          disburse(id("m"), "f1", year(2005), 10_000),
          awarded("f1", FundingType.SUBSIDY, month(2005, 3)));
    }

    @Test
    void cannot_disburse_a_funding_in_the_month_before_it_was_awarded() {
      refuses(
          disburse(id("m"), "f1", month(2005, 2), 10_000),
          DatedBeforeItsSubject.class,
          awarded("f1", FundingType.SUBSIDY, month(2005, 3)));
    }

    @Test
    void can_end_an_activity_dated_by_year_that_started_in_june() {
      accepts(endActivity(id("e"), "a1", year(2019)), activityStarted("a1", month(2019, 6)));
    }

    @Test
    void cannot_end_an_activity_in_the_month_before_it_started() {
      refuses(
          endActivity(id("e"), "a1", month(2019, 5)),
          DatedBeforeItsSubject.class,
          activityStarted("a1", month(2019, 6)));
    }

    @Test
    void can_enrol_a_cohort_dated_by_year_in_an_activity_that_started_in_june() {
      accepts(
          enrol(id("e"), "intake", year(2019), 20, "a1"), activityStarted("a1", month(2019, 6)));
    }

    @Test
    void can_link_a_cohort_dated_by_month_to_an_activity_dated_by_that_year() {
      // On one first day the year comes before the month, whatever was recorded first.
      accepts(
          correct(id("k"), id("e"), enrol(id("e"), "intake", month(2019, 1), 20, "a1").toFact()),
          enrol(id("e"), "intake", month(2019, 1), 20).toFact(),
          activityStarted("a1", year(2019)));
    }

    @Test
    void cannot_enrol_a_cohort_in_the_month_before_its_activity_started() {
      refuses(
          enrol(id("e"), "intake", month(2019, 5), 20, "a1"),
          DatedBeforeItsSubject.class,
          activityStarted("a1", month(2019, 6)));
    }

    @Test
    void can_record_graduations_dated_by_year_of_a_cohort_enrolled_in_september() {
      accepts(graduate(id("g"), "intake", year(2006), 15), enrolled("intake", month(2006, 9), 20));
    }

    @Test
    void cannot_record_graduations_in_the_month_before_the_enrolment() {
      refuses(
          graduate(id("g"), "intake", month(2006, 8), 15),
          DatedBeforeItsSubject.class,
          enrolled("intake", month(2006, 9), 20));
    }

    @Test
    void can_record_the_departure_of_a_key_person_dated_by_year_of_the_assignment_in_may() {
      accepts(
          keyPersonLeaves(id("l"), "anna", year(2004)),
          joined(HITECS, STARTED),
          assigned("anna", HITECS, month(2004, 5)));
    }

    @Test
    void cannot_record_the_departure_of_a_key_person_in_the_month_before_the_assignment() {
      refuses(
          keyPersonLeaves(id("l"), "anna", month(2004, 4)),
          DatedBeforeItsSubject.class,
          joined(HITECS, STARTED),
          assigned("anna", HITECS, month(2004, 5)));
    }

    @Test
    void can_record_a_succession_dated_by_year_of_the_successor_assigned_in_may() {
      accepts(
          succeed(id("s"), "anna", "bob", year(2004)),
          joined(HITECS, STARTED),
          assigned("anna", HITECS, year(2002)),
          assigned("bob", HITECS, month(2004, 5)));
    }

    @Test
    void cannot_record_a_succession_in_the_month_before_the_successor_was_assigned() {
      refuses(
          succeed(id("s"), "anna", "bob", month(2004, 4)),
          DatedBeforeItsSubject.class,
          joined(HITECS, STARTED),
          assigned("anna", HITECS, year(2002)),
          assigned("bob", HITECS, month(2004, 5)));
    }

    @Test
    void can_change_governance_dated_by_year_of_its_establishment_in_june() {
      accepts(
          changeGovernance(id("c"), year(2004), GovernanceForm.FOUNDATION, "Stichting STBK"),
          establish(id("g"), month(2004, 6), GovernanceForm.COVENANT, "Convenant STBK").toFact());
    }

    @Test
    void cannot_change_governance_in_the_month_before_it_was_established() {
      refuses(
          changeGovernance(id("c"), month(2004, 5), GovernanceForm.FOUNDATION, "Stichting STBK"),
          GovernanceConflict.class,
          establish(id("g"), month(2004, 6), GovernanceForm.COVENANT, "Convenant STBK").toFact());
    }
  }

  @Nested
  class OutOfOrderHistory {

    private final Object[] hitecsFrom2001To2006 = {
      joined(HITECS, STARTED), left(HITECS, year(2006))
    };

    @Test
    void can_record_a_commitment_dated_while_the_partner_was_active_after_its_departure() {
      accepts(commit(id("c"), "c1", HITECS, year(2004)), hitecsFrom2001To2006);
    }

    @Test
    void cannot_record_a_commitment_dated_after_the_recorded_departure() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2007)), PartnerNotActive.class, hitecsFrom2001To2006);
    }

    @Test
    void can_record_a_departure_dated_after_the_recorded_commitments() {
      accepts(
          leave(id("l"), HITECS, year(2006)),
          joined(HITECS, STARTED),
          commit(id("c"), "c1", HITECS, year(2005)).toFact());
    }

    @Test
    void cannot_record_a_departure_dated_before_a_recorded_commitment() {
      contradicts(
              leave(id("l"), HITECS, year(2003)),
              PartnerNotActive.class,
              joined(HITECS, STARTED),
              commit(id("c"), "c1", HITECS, year(2005)).toFact())
          .expectExceptionMessage(
              allOf(
                  containsString("contradict recorded fact c:"),
                  containsString("needs hitecs to be an active partner of stbk on 2005")));
    }

    @Test
    void can_record_a_commitment_on_the_day_of_a_recorded_departure() {
      // On one day a partner commits before it leaves, whatever was recorded first.
      accepts(
          commit(id("c"), "c1", HITECS, day(2006, 5, 1)),
          joined(HITECS, STARTED),
          left(HITECS, day(2006, 5, 1)));
    }

    @Test
    void cannot_record_an_earlier_join_of_a_partner_whose_join_is_recorded() {
      contradicts(
          admit(id("j1"), HITECS, STARTED),
          PartnerAlreadyActive.class,
          admit(id("j2"), HITECS, year(2003)).toFact());
    }

    @Test
    void cannot_record_an_earlier_phase_change_that_makes_a_recorded_one_a_repeat() {
      contradicts(
              changePhase(id("s2003"), year(2003), Phase.STRUCTURAL),
              AlreadyInPhase.class,
              changePhase(id("s2005"), year(2005), Phase.STRUCTURAL).toFact())
          .expectExceptionMessage(containsString("contradict recorded fact s2005"));
    }

    @Test
    void cannot_record_a_discontinuation_dated_before_recorded_facts() {
      contradicts(
          discontinue(id("d"), year(2003)),
          PartnershipNotRunning.class,
          joined(HITECS, year(2005)));
    }

    @Test
    void can_record_a_history_from_its_end_backwards() {
      fixture
          .givenCommands(historyRecordedBackwards())
          .when(commit(id("c"), "c1", HITECS, year(2003)))
          .expectSuccessfulHandlerExecution()
          .expectEvents(commit(id("c"), "c1", HITECS, year(2003)).toFact());
    }

    @Test
    void judges_a_history_recorded_backwards_as_of_each_fact_date() {
      fixture
          .givenCommands(historyRecordedBackwards())
          .when(changePhase(id("p2"), year(2003), Phase.PILOT))
          .expectNoEvents()
          .expectException(AlreadyInPhase.class)
          .expectExceptionMessage(containsString("already in phase PILOT since 2002"));
    }

    /** STBK as a retrospective tells it: the end first, then ever further back. */
    private Object[] historyRecordedBackwards() {
      return new Object[] {
        register(STARTED),
        discontinue(id("d"), year(2008)),
        changePhase(id("w"), year(2007), Phase.WINDING_DOWN),
        changePhase(id("s"), year(2004), Phase.STRUCTURAL),
        establish(id("g"), year(2003), GovernanceForm.COVENANT, "Convenant STBK"),
        changePhase(id("p"), year(2002), Phase.PILOT),
        admit(id("j"), HITECS, STARTED)
      };
    }

    @Test
    void can_record_a_fact_while_an_older_contradiction_stands_in_the_history() {
      // Imported before the rules: HvA's commitment without its join. Only new contradictions
      // count.
      Object[] imported = {committed("c1", HVA, year(2003))};
      accepts(evaluate(id("e"), year(2005)), imported);
      accepts(admit(id("j"), HVA, year(2002)), imported);
    }
  }

  @Nested
  class Corrections {

    private final PartnerJoined hitecsJoinedIn2004 = admit(id("j"), HITECS, year(2004)).toFact();

    private final CorrectFact joinedIn2001Instead =
        correct(id("k"), id("j"), admit(id("j"), HITECS, STARTED).toFact());

    @Test
    void can_correct_a_fact() {
      accepts(joinedIn2001Instead, hitecsJoinedIn2004);
    }

    @Test
    void counts_the_corrected_value_afterwards() {
      accepts(
          commit(id("c"), "c1", HITECS, year(2002)),
          hitecsJoinedIn2004,
          joinedIn2001Instead.toEvent());
    }

    @Test
    void no_longer_counts_the_value_first_recorded() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2002)),
          PartnerNotActive.class,
          admit(id("j"), HITECS, STARTED).toFact(),
          correct(id("k"), id("j"), hitecsJoinedIn2004).toEvent());
    }

    @Test
    void can_correct_a_corrected_fact_again() {
      accepts(
          correct(id("k2"), id("j"), admit(id("j"), HITECS, year(2002)).toFact()),
          hitecsJoinedIn2004,
          joinedIn2001Instead.toEvent());
    }

    @Test
    void cannot_correct_a_fact_into_what_it_says_after_an_earlier_correction() {
      refuses(
              correct(id("k2"), id("j"), admit(id("j"), HITECS, STARTED).toFact()),
              FactNotAmendable.class,
              hitecsJoinedIn2004,
              joinedIn2001Instead.toEvent())
          .expectExceptionMessage(containsString("the fact as it stands"));
    }

    @Test
    void cannot_correct_a_fact_into_what_it_already_says() {
      refuses(
              correct(id("k"), id("j"), admit(id("j"), HITECS, year(2004)).toFact()),
              FactNotAmendable.class,
              hitecsJoinedIn2004)
          .expectExceptionMessage(containsString("the fact as it stands"));
    }

    @Test
    void cannot_correct_a_fact_by_recording_it_again_at_another_time() {
      refuses(
          correct(
              id("k"),
              id("j"),
              admit(id("j"), HITECS, year(2004), recordedAt("2026-11-22T09:00:00Z")).toFact()),
          FactNotAmendable.class,
          hitecsJoinedIn2004);
    }

    @Test
    void cannot_correct_an_unknown_fact() {
      refuses(
              correct(id("k"), id("j9"), admit(id("j9"), HITECS, STARTED).toFact()),
              UnknownFact.class,
              hitecsJoinedIn2004)
          .expectExceptionMessage(containsString("has no fact j9"));
    }

    @Test
    void cannot_correct_a_correction() {
      refuses(
              correct(id("k2"), id("k"), admit(id("k"), HITECS, year(2002)).toFact()),
              FactNotAmendable.class,
              hitecsJoinedIn2004,
              joinedIn2001Instead.toEvent())
          .expectExceptionMessage(containsString("itself a correction or retraction"));
    }

    @Test
    void cannot_correct_a_retracted_fact() {
      refuses(
              joinedIn2001Instead,
              FactNotAmendable.class,
              hitecsJoinedIn2004,
              retract(id("x"), id("j")).toEvent())
          .expectExceptionMessage(containsString("it was retracted"));
    }

    @Test
    void cannot_replace_a_fact_by_another_kind_of_fact() {
      refuses(
          correct(id("k"), id("j"), leave(id("j"), HITECS, year(2004)).toFact()),
          FactNotAmendable.class,
          hitecsJoinedIn2004);
    }

    @Test
    void cannot_replace_a_fact_by_a_fact_with_another_fact_id() {
      refuses(
          correct(id("k"), id("j"), admit(id("j2"), HITECS, STARTED).toFact()),
          FactNotAmendable.class,
          hitecsJoinedIn2004);
    }

    @Test
    void cannot_replace_a_fact_by_a_fact_of_another_partnership() {
      PartnerJoined elsewhere =
          new PartnerJoined(
              HVA_DUAL_PROGRAMMES, id("j"), STARTED, HITECS, PartnerRole.CORE, SOURCE, RECORDED);
      refuses(correct(id("k"), id("j"), elsewhere), FactNotAmendable.class, hitecsJoinedIn2004)
          .expectExceptionMessage(containsString("of partnership stbk"));
    }

    @Test
    void cannot_correct_a_fact_into_one_that_breaks_a_rule_itself() {
      refuses(
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2000)).toFact()),
          FactBeforePartnershipStart.class,
          hitecsJoinedIn2004);
    }

    @Test
    void cannot_correct_a_join_to_a_date_after_a_recorded_commitment() {
      contradicts(
              correct(id("k"), id("j"), admit(id("j"), HITECS, year(2004)).toFact()),
              PartnerNotActive.class,
              admit(id("j"), HITECS, STARTED).toFact(),
              commit(id("c"), "c1", HITECS, year(2002)).toFact())
          .expectExceptionMessage(containsString("contradict recorded fact c:"));
    }

    @Test
    void can_correct_the_start_to_an_earlier_date() {
      accepts(
          correct(id("k"), REGISTRATION, register(year(1999)).toFact()), joined(HITECS, STARTED));
    }

    @Test
    void cannot_correct_the_start_to_a_date_after_recorded_facts() {
      contradicts(
          correct(id("k"), REGISTRATION, register(year(2004)).toFact()),
          FactBeforePartnershipStart.class,
          joined(HITECS, STARTED));
    }
  }

  @Nested
  class Retractions {

    private final PartnerJoined hitecsJoined = admit(id("j"), HITECS, STARTED).toFact();

    @Test
    void can_retract_a_fact() {
      accepts(retract(id("x"), id("j")), hitecsJoined);
    }

    @Test
    void no_longer_counts_a_retracted_join() {
      refuses(
          commit(id("c"), "c1", HITECS, year(2003)),
          PartnerNotActive.class,
          hitecsJoined,
          retract(id("x"), id("j")).toEvent());
    }

    @Test
    void can_admit_a_partner_whose_earlier_join_was_retracted() {
      accepts(
          admit(id("j2"), HITECS, year(2003)), hitecsJoined, retract(id("x"), id("j")).toEvent());
    }

    @Test
    void can_record_facts_after_a_retracted_discontinuation() {
      accepts(
          admit(id("j"), HVA, year(2009)),
          discontinue(id("d"), year(2008)).toFact(),
          retract(id("x"), id("d")).toEvent());
    }

    @Test
    void cannot_retract_the_registration() {
      refuses(retract(id("x"), REGISTRATION), FactNotAmendable.class)
          .expectExceptionMessage(containsString("correct it instead"));
    }

    @Test
    void cannot_retract_a_fact_twice() {
      refuses(
              retract(id("x2"), id("j")),
              FactNotAmendable.class,
              hitecsJoined,
              retract(id("x1"), id("j")).toEvent())
          .expectExceptionMessage(containsString("it was retracted"));
    }

    @Test
    void cannot_retract_an_unknown_fact() {
      refuses(retract(id("x"), id("j9")), UnknownFact.class, hitecsJoined);
    }

    @Test
    void cannot_retract_a_correction() {
      refuses(
          retract(id("x"), id("k")),
          FactNotAmendable.class,
          hitecsJoined,
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2002)).toFact()).toEvent());
    }

    @Test
    void cannot_retract_a_join_that_a_recorded_commitment_rests_on() {
      contradicts(
              retract(id("x"), id("j")),
              PartnerNotActive.class,
              hitecsJoined,
              commit(id("c"), "c1", HITECS, year(2003)).toFact())
          .expectExceptionMessage(containsString("contradict recorded fact c:"));
    }

    @Test
    void can_retract_a_join_once_the_commitment_resting_on_it_is_retracted() {
      accepts(
          retract(id("x2"), id("j")),
          hitecsJoined,
          commit(id("c"), "c1", HITECS, year(2003)).toFact(),
          retract(id("x1"), id("c")).toEvent());
    }
  }

  @Nested
  class Idempotency {

    private final AdmitPartner admitHitecs = admit(id("j"), HITECS, STARTED);

    @Test
    void records_a_repeated_command_once() {
      givenRegistered(admitHitecs.toFact())
          .when(admitHitecs)
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void records_a_command_repeated_at_another_time_once() {
      givenRegistered(admitHitecs.toFact())
          .when(admit(id("j"), HITECS, STARTED, recordedAt("2026-11-23T12:00:00Z")))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void records_nothing_when_a_command_is_repeated_after_its_fact_was_corrected() {
      givenRegistered(
              admitHitecs.toFact(),
              correct(id("k"), id("j"), admit(id("j"), HITECS, year(2002)).toFact()).toEvent())
          .when(admitHitecs)
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void records_nothing_when_a_command_is_repeated_after_its_fact_was_retracted() {
      givenRegistered(admitHitecs.toFact(), retract(id("x"), id("j")).toEvent())
          .when(admitHitecs)
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void cannot_reuse_a_fact_id_for_a_different_fact() {
      refuses(admit(id("j"), HVA, STARTED), FactIdAlreadyUsed.class, admitHitecs.toFact())
          .expectExceptionMessage(containsString("fact id j is already used"));
    }

    @Test
    void cannot_reuse_a_fact_id_for_another_kind_of_fact() {
      refuses(leave(id("j"), HITECS, year(2005)), FactIdAlreadyUsed.class, admitHitecs.toFact());
    }

    @Test
    void cannot_reuse_the_fact_id_of_a_correction_for_a_fact() {
      refuses(
          admit(id("k"), HVA, STARTED),
          FactIdAlreadyUsed.class,
          admitHitecs.toFact(),
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2002)).toFact()).toEvent());
    }

    @Test
    void records_a_repeated_correction_once() {
      CorrectFact correction =
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2002)).toFact());
      givenRegistered(admitHitecs.toFact(), correction.toEvent())
          .when(correction)
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void cannot_reuse_the_fact_id_of_a_correction_for_another_correction() {
      refuses(
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2003)).toFact()),
          FactIdAlreadyUsed.class,
          admitHitecs.toFact(),
          correct(id("k"), id("j"), admit(id("j"), HITECS, year(2002)).toFact()).toEvent());
    }

    @Test
    void records_a_repeated_retraction_once() {
      RetractFact retraction = retract(id("x"), id("j"));
      givenRegistered(admitHitecs.toFact(), retraction.toEvent())
          .when(retraction)
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void cannot_reuse_the_fact_id_of_a_fact_for_a_retraction() {
      refuses(
          retract(id("j"), id("c")),
          FactIdAlreadyUsed.class,
          admitHitecs.toFact(),
          commit(id("c"), "c1", HITECS, year(2003)).toFact());
    }
  }
}
