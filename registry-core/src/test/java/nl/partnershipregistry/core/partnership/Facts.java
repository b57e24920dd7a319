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
import nl.partnershipregistry.core.partnership.command.RenewCommitment;
import nl.partnershipregistry.core.partnership.command.RenewFunding;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.command.RevivePartnership;
import nl.partnershipregistry.core.partnership.command.StartActivity;
import nl.partnershipregistry.core.partnership.command.WithdrawCommitment;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;

/**
 * Test data for partnership fixtures: one partnership, a source, a registrar, a recording time, and
 * the most used commands and events. Each call hands out a fresh fact id unless one is given.
 */
final class Facts {

  static final PartnershipId STBK = PartnershipId.of("stbk");
  static final OrganisationId HITECS = OrganisationId.of("hitecs");
  static final OrganisationId HVA = OrganisationId.of("hva");
  static final SourceCitation SOURCE =
      SourceCitation.of("000_824d176abdbc5ecc.txt", "retrospective on STBK");
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Recording RECORDED = Recording.of(NOW, "registrar");

  private static final AtomicInteger NEXT = new AtomicInteger();

  private Facts() {}

  static FactId newFactId() {
    return FactId.of("f-" + NEXT.incrementAndGet());
  }

  static FactDate year(int year) {
    return FactDate.year(year);
  }

  static RegisterPartnership register(FactDate started) {
    return new RegisterPartnership(
        STBK,
        FactId.of("registration"),
        started,
        "STBK",
        PartnershipKind.DUAL_TRAJECTORY,
        "Amsterdam",
        "metal and electrical engineering",
        "a dual hbo programme for employees",
        null,
        SOURCE,
        RECORDED);
  }

  static PartnershipRegistered registered(FactDate started) {
    return register(started).toFact();
  }

  static AdmitPartner admit(FactId factId, OrganisationId organisation, FactDate date) {
    return new AdmitPartner(STBK, factId, date, organisation, PartnerRole.CORE, SOURCE, RECORDED);
  }

  static PartnerJoined joined(OrganisationId organisation, FactDate date) {
    return admit(newFactId(), organisation, date).toFact();
  }

  static RecordCommitment commit(
      FactId factId, String commitment, OrganisationId organisation, FactDate date) {
    return new RecordCommitment(
        STBK,
        factId,
        date,
        CommitmentId.of(commitment),
        organisation,
        CommitmentType.STUDY_TIME,
        Quantity.of(100, Unit.HOURS),
        DateRange.from(date),
        null,
        SOURCE,
        RECORDED);
  }

  static CommitmentRecorded committed(
      String commitment, OrganisationId organisation, FactDate date) {
    return commit(newFactId(), commitment, organisation, date).toFact();
  }

  static AwardFunding award(FactId factId, String funding, FundingType type, FactDate date) {
    return new AwardFunding(
        STBK,
        factId,
        date,
        FundingId.of(funding),
        type,
        type == FundingType.SUBSIDY ? SubsidyInstrument.OCW_PILOT : null,
        "Ministerie van OCW",
        null,
        Money.euros(100_000),
        DateRange.between(date, FactDate.year(date.earliest().getYear() + 2)),
        null,
        SOURCE,
        RECORDED);
  }

  static FundingAwarded awarded(String funding, FundingType type, FactDate date) {
    return award(newFactId(), funding, type, date).toFact();
  }

  static FactId id(String value) {
    return FactId.of(value);
  }

  static ChangePhase phase(FactId factId, FactDate date, Phase phase) {
    return new ChangePhase(STBK, factId, date, phase, null, SOURCE, RECORDED);
  }

  static DiscontinuePartnership discontinue(
      FactId factId, FactDate date, DiscontinuationReason reason, String explanation) {
    return new DiscontinuePartnership(
        STBK, factId, date, reason, explanation, null, SOURCE, RECORDED);
  }

  static RevivePartnership revive(FactId factId, FactDate date, Phase phase) {
    return new RevivePartnership(STBK, factId, date, phase, null, SOURCE, RECORDED);
  }

  static RecordPartnerDeparture leave(FactId factId, OrganisationId organisation, FactDate date) {
    return new RecordPartnerDeparture(STBK, factId, date, organisation, null, SOURCE, RECORDED);
  }

  static ChangePartnerRole changeRole(
      FactId factId, OrganisationId organisation, FactDate date, PartnerRole role) {
    return new ChangePartnerRole(STBK, factId, date, organisation, role, SOURCE, RECORDED);
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

  static FulfilCommitment fulfil(FactId factId, String commitment, FactDate date) {
    return new FulfilCommitment(
        STBK, factId, date, CommitmentId.of(commitment), null, SOURCE, RECORDED);
  }

  static RecordPartialFulfilment partial(
      FactId factId, String commitment, FactDate date, Quantity delivered) {
    return new RecordPartialFulfilment(
        STBK, factId, date, CommitmentId.of(commitment), delivered, null, SOURCE, RECORDED);
  }

  static RecordBrokenCommitment broken(FactId factId, String commitment, FactDate date) {
    return new RecordBrokenCommitment(
        STBK, factId, date, CommitmentId.of(commitment), "no study time given", SOURCE, RECORDED);
  }

  static WithdrawCommitment withdraw(FactId factId, String commitment, FactDate date) {
    return new WithdrawCommitment(
        STBK, factId, date, CommitmentId.of(commitment), null, SOURCE, RECORDED);
  }

  static RenewCommitment renew(FactId factId, String commitment, String renewal, FactDate date) {
    return new RenewCommitment(
        STBK,
        factId,
        date,
        CommitmentId.of(commitment),
        CommitmentId.of(renewal),
        Quantity.of(120, Unit.HOURS),
        DateRange.from(date),
        SOURCE,
        RECORDED);
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

  static EndActivity endActivity(FactId factId, String activity, FactDate date) {
    return new EndActivity(STBK, factId, date, ActivityId.of(activity), null, SOURCE, RECORDED);
  }

  static EnrolCohort enrol(FactId factId, String cohort, FactDate date, int participants) {
    return new EnrolCohort(
        STBK,
        factId,
        date,
        CohortId.of(cohort),
        "intake",
        participants,
        true,
        null,
        SOURCE,
        RECORDED);
  }

  static RecordGraduations graduations(FactId factId, String cohort, FactDate date, int count) {
    return new RecordGraduations(
        STBK, factId, date, CohortId.of(cohort), count, true, SOURCE, RECORDED);
  }

  static RecordDropouts dropouts(FactId factId, String cohort, FactDate date, int count) {
    return new RecordDropouts(
        STBK, factId, date, CohortId.of(cohort), count, true, SOURCE, RECORDED);
  }

  static AssignKeyPerson assign(
      FactId factId, String keyPerson, OrganisationId organisation, FactDate date) {
    return new AssignKeyPerson(
        STBK,
        factId,
        date,
        KeyPersonId.of(keyPerson),
        "programme manager of " + organisation,
        KeyPersonRole.PROGRAMME_MANAGER,
        organisation,
        true,
        SOURCE,
        RECORDED);
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

  static EstablishGovernance establish(FactId factId, FactDate date, GovernanceForm form) {
    return new EstablishGovernance(STBK, factId, date, form, "Stichting STBK", SOURCE, RECORDED);
  }

  static ChangeGovernance changeGovernance(FactId factId, FactDate date, GovernanceForm form) {
    return new ChangeGovernance(STBK, factId, date, form, "Stichting STBK", SOURCE, RECORDED);
  }

  static RecordEvaluation evaluate(FactId factId, FactDate date) {
    return new RecordEvaluation(
        STBK,
        factId,
        date,
        "former managers",
        "the programme rested on one employer",
        List.of("commit for the long term"),
        SOURCE,
        RECORDED);
  }

  static CorrectFact correct(FactId factId, FactId corrected, PartnershipFact replacement) {
    return new CorrectFact(
        STBK, factId, corrected, "the source gives another value", replacement, SOURCE, RECORDED);
  }

  static RetractFact retract(FactId factId, FactId retracted) {
    return new RetractFact(STBK, factId, retracted, "not in the source", SOURCE, RECORDED);
  }
}
