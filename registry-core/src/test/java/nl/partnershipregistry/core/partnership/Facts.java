package nl.partnershipregistry.core.partnership;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.command.AdmitPartner;
import nl.partnershipregistry.core.partnership.command.AssignKeyPerson;
import nl.partnershipregistry.core.partnership.command.AwardFunding;
import nl.partnershipregistry.core.partnership.command.ChangeGovernance;
import nl.partnershipregistry.core.partnership.command.ChangePartnerRole;
import nl.partnershipregistry.core.partnership.command.ChangePhase;
import nl.partnershipregistry.core.partnership.command.ClawBackFunding;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.DescribePartnership;
import nl.partnershipregistry.core.partnership.command.DisburseFunding;
import nl.partnershipregistry.core.partnership.command.DiscontinuePartnership;
import nl.partnershipregistry.core.partnership.command.EndActivity;
import nl.partnershipregistry.core.partnership.command.EndFunding;
import nl.partnershipregistry.core.partnership.command.EnrolCohort;
import nl.partnershipregistry.core.partnership.command.EstablishGovernance;
import nl.partnershipregistry.core.partnership.command.FulfilCommitment;
import nl.partnershipregistry.core.partnership.command.RecordBrokenCommitment;
import nl.partnershipregistry.core.partnership.command.RecordCommitment;
import nl.partnershipregistry.core.partnership.command.RecordDropouts;
import nl.partnershipregistry.core.partnership.command.RecordEvaluation;
import nl.partnershipregistry.core.partnership.command.RecordGraduations;
import nl.partnershipregistry.core.partnership.command.RecordKeyPersonDeparture;
import nl.partnershipregistry.core.partnership.command.RecordPartialFulfilment;
import nl.partnershipregistry.core.partnership.command.RecordPartnerDeparture;
import nl.partnershipregistry.core.partnership.command.RecordSuccession;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RenamePartnership;
import nl.partnershipregistry.core.partnership.command.RenewCommitment;
import nl.partnershipregistry.core.partnership.command.RenewFunding;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.command.RevivePartnership;
import nl.partnershipregistry.core.partnership.command.StartActivity;
import nl.partnershipregistry.core.partnership.command.WithdrawCommitment;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.KeyPersonAssigned;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityType;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;

/**
 * Test data for partnership fixtures: the STBK partnership (registered in 2001), its two partners,
 * one source, one registrar recording everything on {@link #NOW}, and a builder per command.
 *
 * <p>A builder named after the command ({@code admit}, {@code commit}) takes the fact id, so a test
 * can name the fact it expects or amends; its past-tense twin ({@code joined}, {@code committed})
 * is the stored event with a fresh fact id, for the given history. Values a test does not mention
 * are fixed: a commitment is 100 hours of study time, a funding is EUR 100,000.
 */
final class Facts {

  static final PartnershipId STBK = PartnershipId.of("stbk");

  /** Another partnership, named as predecessor or successor. */
  static final PartnershipId HVA_DUAL_PROGRAMMES = PartnershipId.of("hva-dual-programmes");

  static final OrganisationId HITECS = OrganisationId.of("hitecs");
  static final OrganisationId HVA = OrganisationId.of("hva");

  static final SourceCitation SOURCE =
      SourceCitation.of("000_824d176abdbc5ecc.txt", "retrospective on STBK");

  /** When the registrar records every fact: 23 November 2026, 11:00 in Amsterdam. */
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static final Recording RECORDED = Recording.of(NOW, "registrar");

  static final FactId REGISTRATION = FactId.of("registration");

  static final FactDate STARTED = FactDate.year(2001);

  /** What a commitment promises unless a test says otherwise. */
  static final Quantity HUNDRED_HOURS = Quantity.of(100, Unit.HOURS);

  /** What a funding awards unless a test says otherwise. */
  static final long AWARDED_EUROS = 100_000;

  private static final AtomicInteger NEXT = new AtomicInteger();

  private Facts() {}

  static FactId id(String value) {
    return FactId.of(value);
  }

  static FactId newFactId() {
    return FactId.of("fact-" + NEXT.incrementAndGet());
  }

  static FactDate year(int year) {
    return FactDate.year(year);
  }

  static FactDate month(int year, int month) {
    return FactDate.month(year, month);
  }

  static FactDate day(int year, int month, int day) {
    return FactDate.day(year, month, day);
  }

  static Recording recordedAt(String instant) {
    return Recording.of(Instant.parse(instant), "registrar");
  }

  // Registration

  static RegisterPartnership register(FactDate started) {
    return register(started, null, RECORDED);
  }

  static RegisterPartnership register(
      FactDate started, PartnershipId predecessor, Recording recorded) {
    return new RegisterPartnership(
        STBK,
        REGISTRATION,
        started,
        "STBK",
        PartnershipKind.DUAL_TRAJECTORY,
        "Amsterdam",
        "metal and electrical engineering",
        "a dual hbo programme for employees of Stork",
        predecessor,
        SOURCE,
        recorded);
  }

  /**
   * Registers STBK as a partnership whose start no source dates, on the date of the earliest source
   * that shows it existing.
   */
  static RegisterPartnership registerExistingBy(FactDate evidence) {
    return new RegisterPartnership(
        STBK,
        REGISTRATION,
        evidence,
        false,
        "STBK",
        PartnershipKind.DUAL_TRAJECTORY,
        "Amsterdam",
        "metal and electrical engineering",
        "a dual hbo programme for employees of Stork",
        null,
        null,
        SOURCE,
        RECORDED);
  }

  /** The registration every fixture starts from unless it says otherwise: STBK, started 2001. */
  static PartnershipRegistered registered() {
    return registered(STARTED);
  }

  static PartnershipRegistered registered(FactDate started) {
    return register(started).toFact();
  }

  static RenamePartnership rename(FactId factId, FactDate date, String name) {
    return new RenamePartnership(STBK, factId, date, name, SOURCE, RECORDED);
  }

  static DescribePartnership describe(FactId factId, FactDate date, PartnershipKind kind) {
    return new DescribePartnership(
        STBK, factId, date, kind, "Amsterdam", null, null, SOURCE, RECORDED);
  }

  // Lifecycle

  static ChangePhase changePhase(FactId factId, FactDate date, Phase phase) {
    return new ChangePhase(STBK, factId, date, phase, null, SOURCE, RECORDED);
  }

  static DiscontinuePartnership discontinue(
      FactId factId, FactDate date, DiscontinuationReason reason, String explanation) {
    return discontinue(factId, date, reason, explanation, null);
  }

  static DiscontinuePartnership discontinue(
      FactId factId,
      FactDate date,
      DiscontinuationReason reason,
      String explanation,
      PartnershipId successor) {
    return new DiscontinuePartnership(
        STBK, factId, date, reason, explanation, successor, SOURCE, RECORDED);
  }

  /** A discontinuation for economic downturn, as STBK ended in the crisis of 2008. */
  static DiscontinuePartnership discontinue(FactId factId, FactDate date) {
    return discontinue(factId, date, DiscontinuationReason.ECONOMIC_DOWNTURN, null);
  }

  static PartnershipDiscontinued discontinued(FactDate date) {
    return discontinue(newFactId(), date).toFact();
  }

  static RevivePartnership revive(FactId factId, FactDate date, Phase phase) {
    return new RevivePartnership(STBK, factId, date, phase, null, SOURCE, RECORDED);
  }

  // Partners

  static AdmitPartner admit(FactId factId, OrganisationId organisation, FactDate date) {
    return admit(factId, organisation, date, RECORDED);
  }

  static AdmitPartner admit(
      FactId factId, OrganisationId organisation, FactDate date, Recording recorded) {
    return new AdmitPartner(STBK, factId, date, organisation, PartnerRole.CORE, SOURCE, recorded);
  }

  static PartnerJoined joined(OrganisationId organisation, FactDate date) {
    return admit(newFactId(), organisation, date).toFact();
  }

  static ChangePartnerRole changeRole(
      FactId factId, OrganisationId organisation, FactDate date, PartnerRole role) {
    return new ChangePartnerRole(STBK, factId, date, organisation, role, SOURCE, RECORDED);
  }

  static RecordPartnerDeparture leave(FactId factId, OrganisationId organisation, FactDate date) {
    return new RecordPartnerDeparture(STBK, factId, date, organisation, null, SOURCE, RECORDED);
  }

  static PartnerLeft left(OrganisationId organisation, FactDate date) {
    return leave(newFactId(), organisation, date).toFact();
  }

  // Commitments

  /** 100 hours of study time for employees, from the commitment's date on. */
  static RecordCommitment commit(
      FactId factId, String commitment, OrganisationId organisation, FactDate date) {
    return commit(factId, commitment, organisation, date, CommitmentType.STUDY_TIME, HUNDRED_HOURS);
  }

  static RecordCommitment commit(
      FactId factId,
      String commitment,
      OrganisationId organisation,
      FactDate date,
      CommitmentType type,
      Quantity quantity) {
    return new RecordCommitment(
        STBK,
        factId,
        date,
        CommitmentId.of(commitment),
        organisation,
        type,
        quantity,
        DateRange.from(date),
        null,
        SOURCE,
        RECORDED);
  }

  static CommitmentRecorded committed(
      String commitment, OrganisationId organisation, FactDate date) {
    return commit(newFactId(), commitment, organisation, date).toFact();
  }

  static FulfilCommitment fulfil(FactId factId, String commitment, FactDate date) {
    return new FulfilCommitment(
        STBK, factId, date, CommitmentId.of(commitment), null, null, SOURCE, RECORDED);
  }

  static RecordPartialFulfilment fulfilPartly(
      FactId factId, String commitment, FactDate date, Quantity delivered) {
    return new RecordPartialFulfilment(
        STBK, factId, date, CommitmentId.of(commitment), delivered, null, SOURCE, RECORDED);
  }

  static RecordBrokenCommitment breakCommitment(FactId factId, String commitment, FactDate date) {
    return new RecordBrokenCommitment(
        STBK, factId, date, CommitmentId.of(commitment), "no study time given", SOURCE, RECORDED);
  }

  static WithdrawCommitment withdraw(FactId factId, String commitment, FactDate date) {
    return new WithdrawCommitment(
        STBK, factId, date, CommitmentId.of(commitment), null, SOURCE, RECORDED);
  }

  /** Renews a commitment as 120 hours. */
  static RenewCommitment renew(FactId factId, String commitment, String renewal, FactDate date) {
    return renew(factId, commitment, renewal, date, Quantity.of(120, Unit.HOURS));
  }

  static RenewCommitment renew(
      FactId factId, String commitment, String renewal, FactDate date, Quantity quantity) {
    return new RenewCommitment(
        STBK,
        factId,
        date,
        CommitmentId.of(commitment),
        CommitmentId.of(renewal),
        quantity,
        DateRange.from(date),
        SOURCE,
        RECORDED);
  }

  // Funding

  /** EUR 100,000 for two years; a subsidy comes from an OCW pilot, other funding has none. */
  static AwardFunding award(FactId factId, String funding, FundingType type, FactDate date) {
    return award(
        factId,
        funding,
        type,
        type == FundingType.SUBSIDY ? SubsidyInstrument.OCW_PILOT : null,
        date);
  }

  static AwardFunding award(
      FactId factId,
      String funding,
      FundingType type,
      SubsidyInstrument instrument,
      FactDate date) {
    return new AwardFunding(
        STBK,
        factId,
        date,
        FundingId.of(funding),
        type,
        instrument,
        "Ministerie van OCW",
        null,
        Money.euros(AWARDED_EUROS),
        DateRange.between(date, FactDate.year(date.earliest().getYear() + 2)),
        null,
        SOURCE,
        RECORDED);
  }

  /** Awards a subsidy whose amount no source gives. */
  static AwardFunding awardWithoutAmount(FactId factId, String funding, FactDate date) {
    AwardFunding known = award(factId, funding, FundingType.SUBSIDY, date);
    return new AwardFunding(
        known.partnershipId(),
        known.factId(),
        known.occurredOn(),
        known.fundingId(),
        known.fundingType(),
        known.instrument(),
        known.funder(),
        known.funderId(),
        null,
        known.period(),
        known.conditions(),
        known.source(),
        known.recorded());
  }

  static FundingAwarded awarded(String funding, FundingType type, FactDate date) {
    return award(newFactId(), funding, type, date).toFact();
  }

  static DisburseFunding disburse(FactId factId, String funding, FactDate date, long euros) {
    return new DisburseFunding(
        STBK, factId, date, FundingId.of(funding), Money.euros(euros), SOURCE, RECORDED);
  }

  static ClawBackFunding clawBack(FactId factId, String funding, FactDate date, long euros) {
    return new ClawBackFunding(
        STBK, factId, date, FundingId.of(funding), Money.euros(euros), null, SOURCE, RECORDED);
  }

  static EndFunding endFunding(FactId factId, String funding, FactDate date) {
    return new EndFunding(STBK, factId, date, FundingId.of(funding), null, SOURCE, RECORDED);
  }

  /** Renews a funding as EUR 50,000. */
  static RenewFunding renewFunding(FactId factId, String funding, String renewal, FactDate date) {
    return new RenewFunding(
        STBK,
        factId,
        date,
        FundingId.of(funding),
        FundingId.of(renewal),
        Money.euros(50_000),
        DateRange.from(date),
        SOURCE,
        RECORDED);
  }

  // Activities and cohorts

  static StartActivity startActivity(FactId factId, String activity, FactDate date) {
    return new StartActivity(
        STBK,
        factId,
        date,
        ActivityId.of(activity),
        "STBK degree programme",
        ActivityType.PROGRAMME,
        LedFrom.INSIDE_EDUCATION,
        LearningForm.FORMAL,
        true,
        SOURCE,
        RECORDED);
  }

  static ActivityStarted activityStarted(String activity, FactDate date) {
    return startActivity(newFactId(), activity, date).toFact();
  }

  static EndActivity endActivity(FactId factId, String activity, FactDate date) {
    return new EndActivity(STBK, factId, date, ActivityId.of(activity), null, SOURCE, RECORDED);
  }

  static EnrolCohort enrol(FactId factId, String cohort, FactDate date, int participants) {
    return enrol(factId, cohort, date, participants, null);
  }

  /** Enrols a cohort in an activity, or in none when {@code activity} is null. */
  static EnrolCohort enrol(
      FactId factId, String cohort, FactDate date, int participants, String activity) {
    return new EnrolCohort(
        STBK,
        factId,
        date,
        CohortId.of(cohort),
        "intake " + date,
        participants,
        true,
        null,
        activity == null ? null : ActivityId.of(activity),
        SOURCE,
        RECORDED);
  }

  static CohortEnrolled enrolled(String cohort, FactDate date, int participants) {
    return enrol(newFactId(), cohort, date, participants).toFact();
  }

  static RecordGraduations graduate(FactId factId, String cohort, FactDate date, int count) {
    return new RecordGraduations(
        STBK, factId, date, CohortId.of(cohort), count, true, null, SOURCE, RECORDED);
  }

  static RecordDropouts dropOut(FactId factId, String cohort, FactDate date, int count) {
    return new RecordDropouts(
        STBK, factId, date, CohortId.of(cohort), count, true, null, SOURCE, RECORDED);
  }

  // Key persons

  static AssignKeyPerson assign(
      FactId factId, String keyPerson, OrganisationId organisation, FactDate date) {
    return new AssignKeyPerson(
        STBK,
        factId,
        date,
        KeyPersonId.of(keyPerson),
        "programme manager " + keyPerson,
        KeyPersonRole.PROGRAMME_MANAGER,
        organisation,
        true,
        SOURCE,
        RECORDED);
  }

  static KeyPersonAssigned assigned(String keyPerson, OrganisationId organisation, FactDate date) {
    return assign(newFactId(), keyPerson, organisation, date).toFact();
  }

  static RecordKeyPersonDeparture keyPersonLeaves(FactId factId, String keyPerson, FactDate date) {
    return new RecordKeyPersonDeparture(
        STBK, factId, date, KeyPersonId.of(keyPerson), null, SOURCE, RECORDED);
  }

  static RecordSuccession succeed(
      FactId factId, String keyPerson, String successor, FactDate date) {
    return new RecordSuccession(
        STBK, factId, date, KeyPersonId.of(keyPerson), KeyPersonId.of(successor), SOURCE, RECORDED);
  }

  // Governance

  static EstablishGovernance establish(
      FactId factId, FactDate date, GovernanceForm form, String entityName) {
    return new EstablishGovernance(STBK, factId, date, form, entityName, SOURCE, RECORDED);
  }

  static ChangeGovernance changeGovernance(
      FactId factId, FactDate date, GovernanceForm form, String entityName) {
    return new ChangeGovernance(STBK, factId, date, form, entityName, SOURCE, RECORDED);
  }

  // Evaluations

  static RecordEvaluation evaluate(FactId factId, FactDate date) {
    return evaluate(factId, date, RECORDED);
  }

  static RecordEvaluation evaluate(FactId factId, FactDate date, Recording recorded) {
    return new RecordEvaluation(
        STBK,
        factId,
        date,
        "former programme managers",
        "the programme rested on one employer",
        List.of("commit for the long term"),
        SOURCE,
        recorded);
  }

  // Amendments

  static CorrectFact correct(FactId factId, FactId corrected, PartnershipFact replacement) {
    return new CorrectFact(
        STBK, factId, corrected, "the source gives another value", replacement, SOURCE, RECORDED);
  }

  static RetractFact retract(FactId factId, FactId retracted) {
    return new RetractFact(STBK, factId, retracted, "not in the source", SOURCE, RECORDED);
  }
}
