package nl.partnershipregistry.projections.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationJoinedGroup;
import nl.partnershipregistry.core.organisation.OrganisationRegistered;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentPartiallyFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.FundingEnded;
import nl.partnershipregistry.core.partnership.event.FundingRenewed;
import nl.partnershipregistry.core.partnership.event.GovernanceChanged;
import nl.partnershipregistry.core.partnership.event.GovernanceEstablished;
import nl.partnershipregistry.core.partnership.event.KeyPersonAssigned;
import nl.partnershipregistry.core.partnership.event.KeyPersonLeft;
import nl.partnershipregistry.core.partnership.event.KeyPersonSucceeded;
import nl.partnershipregistry.core.partnership.event.ParticipantsDroppedOut;
import nl.partnershipregistry.core.partnership.event.ParticipantsGraduated;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.event.PartnershipRevived;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
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
 * One partnership's history written fact by fact, each recorded at the story's current instant
 * ({@link #recordedOn}) by the current registrar. Fact ids are {@code <partnership>-1, -2, ...}.
 */
public final class Story {

  public static final SourceCitation SOURCE =
      SourceCitation.of("retrospective.txt", "the passage that says so");

  private final PartnershipId id;
  private final List<PartnershipEvent> events = new ArrayList<>();
  private Instant recordedAt = Instant.parse("2020-01-01T09:00:00Z");
  private String recordedBy = "registrar";
  private int next = 1;

  public Story(String partnershipId) {
    this.id = PartnershipId.of(partnershipId);
  }

  public PartnershipId id() {
    return id;
  }

  /** The following facts are recorded at {@code at}. */
  public Story recordedOn(Instant at) {
    this.recordedAt = at;
    return this;
  }

  public Story recordedOn(String at) {
    return recordedOn(Instant.parse(at));
  }

  public Story by(String registrar) {
    this.recordedBy = registrar;
    return this;
  }

  public List<PartnershipEvent> events() {
    return List.copyOf(events);
  }

  public static FactDate date(String text) {
    return FactDate.parse(text);
  }

  public static DateRange period(String from, String until) {
    return new DateRange(date(from), until == null ? null : date(until));
  }

  public static OrganisationId org(String id) {
    return OrganisationId.of(id);
  }

  private FactId nextId() {
    return FactId.of(id.value() + "-" + next++);
  }

  private Recording recording() {
    return Recording.of(recordedAt, recordedBy);
  }

  private <T extends PartnershipEvent> T add(T event) {
    events.add(event);
    return event;
  }

  public PartnershipRegistered registered(String on, String name, PartnershipKind kind) {
    return registered(on, name, kind, "Amsterdam", "metal and electrical engineering");
  }

  public PartnershipRegistered registered(
      String on, String name, PartnershipKind kind, String region, String sector) {
    return add(
        new PartnershipRegistered(
            id,
            nextId(),
            date(on),
            name,
            kind,
            region,
            sector,
            "employees earn a degree while they work",
            null,
            SOURCE,
            recording()));
  }

  /** A registration whose start no source dates, on the earliest evidence that it existed. */
  public PartnershipRegistered registeredExistingBy(String on, String name, PartnershipKind kind) {
    return add(
        new PartnershipRegistered(
            id,
            nextId(),
            date(on),
            false,
            name,
            kind,
            "Amsterdam",
            "metal and electrical engineering",
            "employees earn a degree while they work",
            null,
            null,
            SOURCE,
            recording()));
  }

  public PhaseChanged phase(String on, Phase phase) {
    return add(new PhaseChanged(id, nextId(), date(on), phase, null, SOURCE, recording()));
  }

  public PartnershipDiscontinued discontinued(String on, DiscontinuationReason reason) {
    return add(
        new PartnershipDiscontinued(
            id, nextId(), date(on), reason, "as the source tells", null, SOURCE, recording()));
  }

  public PartnershipRevived revived(String on, Phase phase) {
    return add(new PartnershipRevived(id, nextId(), date(on), phase, null, SOURCE, recording()));
  }

  public PartnerJoined joined(String on, String organisation, PartnerRole role) {
    return add(
        new PartnerJoined(id, nextId(), date(on), org(organisation), role, SOURCE, recording()));
  }

  public PartnerLeft left(String on, String organisation) {
    return add(
        new PartnerLeft(id, nextId(), date(on), org(organisation), null, SOURCE, recording()));
  }

  public CommitmentRecorded commitment(
      String on,
      String commitment,
      String organisation,
      CommitmentType type,
      long amount,
      Unit unit,
      String from,
      String until) {
    return commitment(on, commitment, organisation, type, Quantity.of(amount, unit), from, until);
  }

  /** A commitment whose quantity may be hedged: {@code Quantity.about(50, PLACES)}. */
  public CommitmentRecorded commitment(
      String on,
      String commitment,
      String organisation,
      CommitmentType type,
      Quantity quantity,
      String from,
      String until) {
    return add(
        new CommitmentRecorded(
            id,
            nextId(),
            date(on),
            CommitmentId.of(commitment),
            org(organisation),
            type,
            quantity,
            period(from, until),
            null,
            SOURCE,
            recording()));
  }

  public CommitmentFulfilled fulfilled(String on, String commitment) {
    return add(
        new CommitmentFulfilled(
            id, nextId(), date(on), CommitmentId.of(commitment), null, null, SOURCE, recording()));
  }

  /** Fulfilled with more than was promised: 277 delivered on a promise of 150. */
  public CommitmentFulfilled fulfilled(String on, String commitment, Quantity delivered) {
    return add(
        new CommitmentFulfilled(
            id,
            nextId(),
            date(on),
            CommitmentId.of(commitment),
            delivered,
            null,
            SOURCE,
            recording()));
  }

  public CommitmentPartiallyFulfilled partlyFulfilled(
      String on, String commitment, long delivered, Unit unit) {
    return partlyFulfilled(on, commitment, Quantity.of(delivered, unit));
  }

  /** A partial delivery whose quantity may be hedged: {@code Quantity.atLeast(3, PLACES)}. */
  public CommitmentPartiallyFulfilled partlyFulfilled(
      String on, String commitment, Quantity delivered) {
    return add(
        new CommitmentPartiallyFulfilled(
            id,
            nextId(),
            date(on),
            CommitmentId.of(commitment),
            delivered,
            null,
            SOURCE,
            recording()));
  }

  public CommitmentBroken broken(String on, String commitment) {
    return add(
        new CommitmentBroken(
            id,
            nextId(),
            date(on),
            CommitmentId.of(commitment),
            "not delivered",
            SOURCE,
            recording()));
  }

  public CommitmentWithdrawn withdrawn(String on, String commitment) {
    return add(
        new CommitmentWithdrawn(
            id, nextId(), date(on), CommitmentId.of(commitment), null, SOURCE, recording()));
  }

  public CommitmentRenewed commitmentRenewed(
      String on,
      String commitment,
      String renewal,
      long amount,
      Unit unit,
      String from,
      String until) {
    return add(
        new CommitmentRenewed(
            id,
            nextId(),
            date(on),
            CommitmentId.of(commitment),
            CommitmentId.of(renewal),
            Quantity.of(amount, unit),
            period(from, until),
            SOURCE,
            recording()));
  }

  public FundingAwarded funding(
      String on, String funding, FundingType type, long euros, String from, String until) {
    return awarded(on, funding, type, SubsidyInstrument.RIF, Money.euros(euros), from, until);
  }

  /** A funding whose amount no source gives. */
  public FundingAwarded fundingWithoutAmount(
      String on, String funding, FundingType type, String from, String until) {
    return awarded(on, funding, type, SubsidyInstrument.EFRO, null, from, until);
  }

  private FundingAwarded awarded(
      String on,
      String funding,
      FundingType type,
      SubsidyInstrument subsidyInstrument,
      Money amount,
      String from,
      String until) {
    return add(
        new FundingAwarded(
            id,
            nextId(),
            date(on),
            FundingId.of(funding),
            type,
            type == FundingType.SUBSIDY ? subsidyInstrument : null,
            "a funder",
            null,
            amount,
            period(from, until),
            null,
            SOURCE,
            recording()));
  }

  public FundingEnded fundingEnded(String on, String funding) {
    return add(
        new FundingEnded(id, nextId(), date(on), FundingId.of(funding), null, SOURCE, recording()));
  }

  public FundingRenewed fundingRenewed(
      String on, String funding, String renewal, long euros, String from, String until) {
    return add(
        new FundingRenewed(
            id,
            nextId(),
            date(on),
            FundingId.of(funding),
            FundingId.of(renewal),
            new Money(BigDecimal.valueOf(euros)),
            period(from, until),
            SOURCE,
            recording()));
  }

  public ActivityStarted activity(
      String on, String activity, LedFrom ledFrom, LearningForm form, boolean flexible) {
    return add(
        new ActivityStarted(
            id,
            nextId(),
            date(on),
            ActivityId.of(activity),
            activity,
            ActivityType.PROGRAMME,
            ledFrom,
            form,
            flexible,
            SOURCE,
            recording()));
  }

  public ActivityEnded activityEnded(String on, String activity) {
    return add(
        new ActivityEnded(
            id, nextId(), date(on), ActivityId.of(activity), null, SOURCE, recording()));
  }

  public CohortEnrolled cohort(String on, String cohort, int participants) {
    return cohort(on, cohort, participants, Exactness.EXACT);
  }

  /** A cohort whose size the source gives with a hedge ("zo'n 40", "ruim 35"). */
  public CohortEnrolled cohort(String on, String cohort, int participants, Exactness exactness) {
    return add(
        new CohortEnrolled(
            id,
            nextId(),
            date(on),
            CohortId.of(cohort),
            cohort,
            participants,
            false,
            exactness,
            null,
            SOURCE,
            recording()));
  }

  public ParticipantsDroppedOut droppedOut(String on, String cohort, int participants) {
    return add(
        new ParticipantsDroppedOut(
            id,
            nextId(),
            date(on),
            CohortId.of(cohort),
            participants,
            false,
            null,
            SOURCE,
            recording()));
  }

  public ParticipantsGraduated graduated(String on, String cohort, int participants) {
    return add(
        new ParticipantsGraduated(
            id,
            nextId(),
            date(on),
            CohortId.of(cohort),
            participants,
            false,
            null,
            SOURCE,
            recording()));
  }

  public KeyPersonAssigned keyPerson(
      String on, String person, KeyPersonRole role, String organisation, Boolean withMandate) {
    return add(
        new KeyPersonAssigned(
            id,
            nextId(),
            date(on),
            KeyPersonId.of(person),
            person,
            role,
            organisation == null ? null : org(organisation),
            withMandate,
            SOURCE,
            recording()));
  }

  public KeyPersonLeft keyPersonLeft(String on, String person) {
    return add(
        new KeyPersonLeft(
            id, nextId(), date(on), KeyPersonId.of(person), null, SOURCE, recording()));
  }

  public KeyPersonSucceeded succeeded(String on, String person, String successor) {
    return add(
        new KeyPersonSucceeded(
            id,
            nextId(),
            date(on),
            KeyPersonId.of(person),
            KeyPersonId.of(successor),
            SOURCE,
            recording()));
  }

  public GovernanceEstablished governance(String on, GovernanceForm form, String entity) {
    return add(
        new GovernanceEstablished(id, nextId(), date(on), form, entity, SOURCE, recording()));
  }

  public GovernanceChanged governanceChanged(String on, GovernanceForm form, String entity) {
    return add(new GovernanceChanged(id, nextId(), date(on), form, entity, SOURCE, recording()));
  }

  public FactCorrected corrected(PartnershipFact replacement, String reason) {
    return add(
        new FactCorrected(
            id, nextId(), replacement.factId(), reason, replacement, SOURCE, recording()));
  }

  public FactRetracted retracted(PartnershipFact fact, String reason) {
    return add(new FactRetracted(id, nextId(), fact.factId(), reason, SOURCE, recording()));
  }

  /** An organisation's registration, recorded in 2000, before any story. */
  public static OrganisationRegistered organisation(
      String id, String name, OrganisationType type, SchoolLevel level) {
    return new OrganisationRegistered(
        org(id),
        FactId.of(id + "-registered"),
        FactDate.year(1950),
        name,
        type,
        level,
        SOURCE,
        Recording.of(Instant.parse("2000-01-01T09:00:00Z"), "registrar"));
  }

  public static OrganisationRegistered employer(String id, String name) {
    return organisation(id, name, OrganisationType.EMPLOYER, null);
  }

  public static OrganisationRegistered school(String id, String name, SchoolLevel level) {
    return organisation(id, name, OrganisationType.SCHOOL, level);
  }

  public static OrganisationFact inGroup(String id, String group, String since) {
    return new OrganisationJoinedGroup(
        org(id),
        FactId.of(id + "-in-" + group),
        date(since),
        org(group),
        SOURCE,
        Recording.of(Instant.parse("2000-01-01T09:00:00Z"), "registrar"));
  }
}
