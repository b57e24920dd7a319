package nl.partnershipregistry.core.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.event.CohortChange;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.event.CommitmentOutcome;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.EvaluationRecorded;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.FundingChange;
import nl.partnershipregistry.core.partnership.event.FundingClawedBack;
import nl.partnershipregistry.core.partnership.event.FundingDisbursed;
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
import nl.partnershipregistry.core.partnership.event.PartnerRoleChanged;
import nl.partnershipregistry.core.partnership.event.PartnershipDescribed;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.event.PartnershipRenamed;
import nl.partnershipregistry.core.partnership.event.PartnershipRevived;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import org.pcollections.ConsPStack;
import org.pcollections.PStack;

/**
 * The one fold of a partnership's history: how the partnership stood on a valid date, by walking
 * its timeline ({@link PartnershipHistory#timeline}) up to that date, every fact whose date may
 * begin on or before it (a fact dated 2008 counts from 1 January 2008). Every element keeps the ids
 * of the facts it rests on.
 *
 * <p>Everything that reads a partnership's history reads it through this fold: the rules of the
 * aggregate ({@link HistoryCheck} checks each {@link PartnershipPolicies policy} against the state
 * just before a fact, then applies the fact here), the state, durability, ledger and funding
 * questions (through {@link #of}) and the questions across partnerships (through {@link #along}).
 *
 * <p>A state is immutable: a walk takes its states from one {@link Step}, and a state taken stays
 * as it was while the walk goes on ({@link Step#state}). What each kind of fact changes is one
 * method of {@link Step}, named in the fact's entry of the table of fact kinds ({@link FactKinds}),
 * so the fold has no branch per kind of fact. The states of one walk share what a fact does not
 * change (persistent collections), so a walk along a history costs about its length, not its
 * square.
 */
public final class PartnershipAsOf {

  /** A stretch in one phase. */
  public record PhasePeriod(Phase phase, FactDate since, FactId factId) {}

  /** One membership of an organisation; an organisation that left and rejoined has two. */
  public record Participation(
      OrganisationId organisationId,
      PartnerRole role,
      FactDate joinedOn,
      FactDate leftOn,
      List<FactId> factIds) {

    public boolean isActive() {
      return leftOn == null;
    }

    Participation withRole(PartnerRole newRole, FactId factId) {
      return new Participation(organisationId, newRole, joinedOn, leftOn, plus(factIds, factId));
    }

    Participation left(FactDate on, FactId factId) {
      return new Participation(organisationId, role, joinedOn, on, plus(factIds, factId));
    }
  }

  /** A promise and what became of it; a renewal is a commitment of its own. */
  public record Commitment(
      CommitmentId commitmentId,
      OrganisationId organisationId,
      CommitmentType type,
      Quantity quantity,
      DateRange period,
      String description,
      FactDate promisedOn,
      FactId factId,
      CommitmentId renewedFrom,
      CommitmentOutcome outcome) {

    public boolean isSettled() {
      return outcome != null;
    }

    /** Promised for a period that includes {@code day} and not settled yet. */
    public boolean isInForce(LocalDate day) {
      return outcome == null && covers(period, day);
    }

    public List<FactId> factIds() {
      return outcome == null ? List.of(factId) : List.of(factId, outcome.factId());
    }
  }

  /**
   * Money that carries the partnership, with what happened to it; {@code amount} is null when no
   * source gives it.
   */
  public record Funding(
      FundingId fundingId,
      FundingType type,
      SubsidyInstrument instrument,
      String funder,
      OrganisationId funderId,
      Money amount,
      DateRange period,
      FactId factId,
      FundingId renewedFrom,
      FundingId renewedAs,
      Money disbursed,
      Money clawedBack,
      FactDate endedOn,
      List<FactId> factIds) {

    /** The period covers {@code day} and the funding was not ended before it. */
    public boolean isInForce(LocalDate day) {
      return covers(period, day) && (endedOn == null || !endedOn.countsFrom().isBefore(day));
    }

    /**
     * The last day the funding carries the partnership: the end of its period, or the day it was
     * ended if that came first; empty while open-ended and not ended.
     */
    public Optional<LocalDate> lastDay() {
      LocalDate until = period.until() == null ? null : period.until().lastDay();
      LocalDate ended = endedOn == null ? null : endedOn.countsFrom();
      if (until == null) {
        return Optional.ofNullable(ended);
      }
      return Optional.of(ended != null && ended.isBefore(until) ? ended : until);
    }

    /** Whether a source gives the amount; funding without one counts in no share. */
    public boolean hasAmount() {
      return amount != null;
    }

    /** The amount awarded less what was clawed back; empty when no source gives the amount. */
    public Optional<BigDecimal> netAmount() {
      return amount == null
          ? Optional.empty()
          : Optional.of(amount.euros().subtract(clawedBack.euros()).max(BigDecimal.ZERO));
    }
  }

  /** An activity and its end, if it ended. */
  public record Activity(ActivityStarted started, ActivityEnded ended) {

    public boolean isActive() {
      return ended == null;
    }
  }

  /**
   * A cohort's enrolment and outcomes, each count with its exactness (the sum of the drop-outs or
   * graduations recorded, exact only when each of them is).
   */
  public record Cohort(
      CohortEnrolled enrolled,
      int droppedOut,
      Exactness droppedOutExactness,
      int graduated,
      Exactness graduatedExactness,
      List<FactId> factIds) {

    public CohortId cohortId() {
      return enrolled.cohortId();
    }
  }

  /** A key person's assignment, departure and succession. */
  public record KeyPerson(
      KeyPersonAssigned assigned,
      KeyPersonLeft left,
      KeyPersonId successorId,
      FactDate succeededOn,
      KeyPersonId predecessorId,
      List<FactId> factIds) {

    public boolean isActive() {
      return left == null && successorId == null;
    }

    public KeyPersonId keyPersonId() {
      return assigned.keyPersonId();
    }
  }

  /** The formal platform and since when it has its present form. */
  public record Governance(
      GovernanceForm form,
      String entityName,
      FactDate establishedOn,
      FactDate since,
      List<FactId> factIds) {}

  private final LocalDate asOf;
  private final PStack<PartnershipFact> applied;
  private final PartnershipRegistered registration;
  private final String name;
  private final PStack<String> names;
  private final PartnershipKind kind;
  private final String region;
  private final String sector;
  private final String goal;
  private final PStack<PhasePeriod> phases;
  private final PStack<PartnershipDiscontinued> discontinuations;
  private final PartnershipDiscontinued discontinuation;
  private final PStack<Participation> participations;
  private final Register<CommitmentId, Commitment> commitments;
  private final Register<FundingId, Funding> fundings;
  private final Register<ActivityId, Activity> activities;
  private final Register<CohortId, Cohort> cohorts;
  private final Register<KeyPersonId, KeyPerson> keyPersons;
  private final PStack<EvaluationRecorded> evaluations;
  private final Governance governance;

  private PartnershipAsOf(Step step) {
    this.asOf = step.asOf;
    this.applied = step.applied;
    this.registration = step.registration;
    this.name = step.name;
    this.names = step.names;
    this.kind = step.kind;
    this.region = step.region;
    this.sector = step.sector;
    this.goal = step.goal;
    this.phases = step.phases;
    this.discontinuations = step.discontinuations;
    this.discontinuation = step.discontinuation;
    this.participations = step.participations;
    this.commitments = step.commitments;
    this.fundings = step.fundings;
    this.activities = step.activities;
    this.cohorts = step.cohorts;
    this.keyPersons = step.keyPersons;
    this.evaluations = step.evaluations;
    this.governance = step.governance;
  }

  /**
   * A walk that applies facts one by one from before any fact ({@link HistoryCheck}), its valid
   * date left open: the step's {@link Step#state} is the state after the facts taken so far.
   */
  static Step walkFromTheStart() {
    return new Step(LocalDate.MAX);
  }

  /** The partnership as of {@code asOf}, from a history as the registry knew it. */
  public static PartnershipAsOf of(PartnershipHistory history, LocalDate asOf) {
    Step step = new Step(asOf);
    for (PartnershipFact fact : history.timeline()) {
      if (fact.occurredOn().countsFrom().isAfter(asOf)) {
        break;
      }
      step.take(fact);
    }
    return step.state();
  }

  /**
   * A view of the partnership on every valid date, from one walk along its known timeline: the
   * state after each stretch of facts, keyed by the first valid date it holds on, as {@link #of}
   * would find it on that date and on every later date up to the next key. The first key is {@link
   * LocalDate#MIN}, where nothing has happened yet. Consecutive equal views are kept once.
   *
   * <p>A valid date takes the facts of the timeline up to the first that may not have happened by
   * then, so the state after a stretch of facts holds from the latest first day among them until
   * the first day of the fact that follows them.
   */
  public static <T> NavigableMap<LocalDate, T> along(
      PartnershipHistory history, Function<PartnershipAsOf, T> view) {
    NavigableMap<LocalDate, T> views = new TreeMap<>();
    Step step = new Step(LocalDate.MIN);
    T last = null;
    for (PartnershipFact fact : history.timeline()) {
      LocalDate first = fact.occurredOn().countsFrom();
      if (first.isAfter(step.asOf)) {
        last = keep(views, step.state(), view, last);
        step.asOf = first;
      }
      step.take(fact);
    }
    keep(views, step.state(), view, last);
    return views;
  }

  private static <T> T keep(
      NavigableMap<LocalDate, T> views,
      PartnershipAsOf state,
      Function<PartnershipAsOf, T> view,
      T last) {
    T seen = view.apply(state);
    if (!seen.equals(last)) {
      views.put(state.asOf, seen);
    }
    return seen;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** Whether the partnership had started by the valid date. */
  public boolean hasStarted() {
    return registration != null;
  }

  public Optional<PartnershipRegistered> registration() {
    return Optional.ofNullable(registration);
  }

  public String name() {
    return name;
  }

  /** The names it carried up to the valid date, oldest first, the last its name. */
  public List<String> names() {
    return oldestFirst(names);
  }

  public PartnershipKind kind() {
    return kind;
  }

  public String region() {
    return region;
  }

  public String sector() {
    return sector;
  }

  public String goal() {
    return goal;
  }

  /** The phase on the valid date, or null before the partnership started. */
  public Phase phase() {
    return phases.isEmpty() ? null : phases.get(0).phase();
  }

  public Optional<PhasePeriod> currentPhase() {
    return phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(0));
  }

  public List<PhasePeriod> phases() {
    return oldestFirst(phases);
  }

  /** The discontinuation in effect on the valid date, if it is discontinued then. */
  public Optional<PartnershipDiscontinued> discontinuation() {
    return Optional.ofNullable(discontinuation);
  }

  public List<PartnershipDiscontinued> discontinuations() {
    return oldestFirst(discontinuations);
  }

  /** Every membership up to the valid date, in the order the partners joined. */
  public List<Participation> participations() {
    return oldestFirst(participations);
  }

  public List<Participation> activePartners() {
    return participations().stream().filter(Participation::isActive).toList();
  }

  public Collection<Commitment> commitments() {
    return commitments.values();
  }

  public Collection<Funding> fundings() {
    return fundings.values();
  }

  public Collection<Activity> activities() {
    return activities.values();
  }

  public Collection<Cohort> cohorts() {
    return cohorts.values();
  }

  public Collection<KeyPerson> keyPersons() {
    return keyPersons.values();
  }

  public List<EvaluationRecorded> evaluations() {
    return oldestFirst(evaluations);
  }

  public Optional<Governance> governance() {
    return Optional.ofNullable(governance);
  }

  /** The facts taken into account, in timeline order. */
  public List<PartnershipFact> applied() {
    return oldestFirst(applied);
  }

  // Lookups for the rules, without copying: they run for every fact of a history.

  /** The organisation's membership that is active, or null. */
  Participation activeParticipation(OrganisationId organisation) {
    int index = activeIndex(participations, organisation);
    return index < 0 ? null : participations.get(index);
  }

  Commitment commitment(CommitmentId commitmentId) {
    return commitments.get(commitmentId);
  }

  Funding funding(FundingId fundingId) {
    return fundings.get(fundingId);
  }

  Activity activity(ActivityId activityId) {
    return activities.get(activityId);
  }

  Cohort cohort(CohortId cohortId) {
    return cohorts.get(cohortId);
  }

  KeyPerson keyPerson(KeyPersonId keyPersonId) {
    return keyPersons.get(keyPersonId);
  }

  /**
   * Where the organisation's active membership is among the memberships, newest first, or -1; an
   * organisation has at most one active membership.
   */
  private static int activeIndex(
      PStack<Participation> participations, OrganisationId organisation) {
    int index = 0;
    for (Participation p : participations) {
      if (p.organisationId().equals(organisation) && p.isActive()) {
        return index;
      }
      index++;
    }
    return -1;
  }

  /** A list kept newest first (a persistent stack, one node a fact), read oldest first. */
  private static <T> List<T> oldestFirst(PStack<T> newestFirst) {
    List<T> list = new ArrayList<>(newestFirst);
    Collections.reverse(list);
    return Collections.unmodifiableList(list);
  }

  /**
   * The fold in the making: a walk's state so far, from which immutable states are taken ({@link
   * #state}); it shares every collection with them (persistent collections: a change makes a new
   * one and leaves the old as it was; the lists that only grow are kept newest first). What a kind
   * of fact changes is one method here, named in the fact's entry of {@link FactKinds}; a fact
   * whose subject is not known changes nothing (the rules refuse it before).
   */
  static final class Step {
    private LocalDate asOf;
    private PStack<PartnershipFact> applied;
    private PartnershipRegistered registration;
    private String name;
    private PStack<String> names;
    private PartnershipKind kind;
    private String region;
    private String sector;
    private String goal;
    private PStack<PhasePeriod> phases;
    private PStack<PartnershipDiscontinued> discontinuations;
    private PartnershipDiscontinued discontinuation;
    private PStack<Participation> participations;
    private Register<CommitmentId, Commitment> commitments;
    private Register<FundingId, Funding> fundings;
    private Register<ActivityId, Activity> activities;
    private Register<CohortId, Cohort> cohorts;
    private Register<KeyPersonId, KeyPerson> keyPersons;
    private PStack<EvaluationRecorded> evaluations;
    private Governance governance;

    private Step(LocalDate asOf) {
      this.asOf = asOf;
      this.applied = ConsPStack.empty();
      this.names = ConsPStack.empty();
      this.phases = ConsPStack.empty();
      this.discontinuations = ConsPStack.empty();
      this.participations = ConsPStack.empty();
      this.commitments = Register.empty();
      this.fundings = Register.empty();
      this.activities = Register.empty();
      this.cohorts = Register.empty();
      this.keyPersons = Register.empty();
      this.evaluations = ConsPStack.empty();
    }

    /** Takes one more fact into account, the next of the timeline. */
    void take(PartnershipFact fact) {
      applied = applied.plus(fact);
      FactKinds.fold(fact, this);
    }

    /**
     * The state after the facts taken so far, which later steps leave as it is: it shares the
     * step's persistent collections, and the step only ever replaces them.
     */
    PartnershipAsOf state() {
      return new PartnershipAsOf(this);
    }

    // The partnership's lifecycle

    void register(PartnershipRegistered r) {
      registration = r;
      name = r.name();
      names = names.plus(name);
      kind = r.kind();
      region = r.region();
      sector = r.sector();
      goal = r.goal();
      phases =
          phases.plus(
              new PhasePeriod(
                  r.phase() == null ? Phase.UNKNOWN : r.phase(), r.occurredOn(), r.factId()));
    }

    void rename(PartnershipRenamed r) {
      name = r.name();
      names = names.plus(name);
    }

    void describe(PartnershipDescribed d) {
      kind = d.kind();
      region = d.region();
      sector = d.sector();
      goal = d.goal();
    }

    void changePhase(PhaseChanged p) {
      phases = phases.plus(new PhasePeriod(p.phase(), p.occurredOn(), p.factId()));
    }

    void discontinue(PartnershipDiscontinued d) {
      discontinuation = d;
      discontinuations = discontinuations.plus(d);
      phases = phases.plus(new PhasePeriod(Phase.DISCONTINUED, d.occurredOn(), d.factId()));
    }

    void revive(PartnershipRevived r) {
      discontinuation = null;
      phases = phases.plus(new PhasePeriod(r.phase(), r.occurredOn(), r.factId()));
    }

    // Partners

    void join(PartnerJoined j) {
      participations =
          participations.plus(
              new Participation(
                  j.organisationId(), j.role(), j.occurredOn(), null, List.of(j.factId())));
    }

    void changeRole(PartnerRoleChanged c) {
      replaceActive(c.organisationId(), p -> p.withRole(c.role(), c.factId()));
    }

    void leave(PartnerLeft l) {
      replaceActive(l.organisationId(), p -> p.left(l.occurredOn(), l.factId()));
    }

    private void replaceActive(OrganisationId organisation, UnaryOperator<Participation> change) {
      int index = activeIndex(participations, organisation);
      if (index >= 0) {
        participations = participations.with(index, change.apply(participations.get(index)));
      }
    }

    // Commitments

    void promise(CommitmentRecorded c) {
      commitments =
          commitments.with(
              c.commitmentId(),
              new Commitment(
                  c.commitmentId(),
                  c.organisationId(),
                  c.commitmentType(),
                  c.quantity(),
                  c.period(),
                  c.description(),
                  c.occurredOn(),
                  c.factId(),
                  null,
                  null));
    }

    /** A commitment kept, kept in part, broken or withdrawn; only its first outcome counts. */
    void settle(CommitmentOutcome outcome) {
      Commitment c = commitments.get(outcome.commitmentId());
      if (c == null || c.outcome() != null) {
        return;
      }
      commitments =
          commitments.with(
              c.commitmentId(),
              new Commitment(
                  c.commitmentId(),
                  c.organisationId(),
                  c.type(),
                  c.quantity(),
                  c.period(),
                  c.description(),
                  c.promisedOn(),
                  c.factId(),
                  c.renewedFrom(),
                  outcome));
    }

    /** A renewal settles the commitment it renews and is a commitment of its own. */
    void renewCommitment(CommitmentRenewed r) {
      Commitment c = commitments.get(r.commitmentId());
      if (c == null || c.outcome() != null) {
        return;
      }
      settle(r);
      commitments =
          commitments.with(
              r.renewalId(),
              new Commitment(
                  r.renewalId(),
                  c.organisationId(),
                  c.type(),
                  r.quantity(),
                  r.period(),
                  c.description(),
                  r.occurredOn(),
                  r.factId(),
                  c.commitmentId(),
                  null));
    }

    // Funding

    void award(FundingAwarded f) {
      fundings =
          fundings.with(
              f.fundingId(),
              new Funding(
                  f.fundingId(),
                  f.fundingType(),
                  f.instrument(),
                  f.funder(),
                  f.funderId(),
                  f.amount(),
                  f.period(),
                  f.factId(),
                  null,
                  null,
                  Money.euros(0),
                  Money.euros(0),
                  null,
                  List.of(f.factId())));
    }

    void disburse(FundingDisbursed d) {
      changeFunding(
          d,
          f ->
              withChange(
                  f,
                  d,
                  f.renewedAs(),
                  f.disbursed().plus(d.amount()),
                  f.clawedBack(),
                  f.endedOn()));
    }

    void clawBack(FundingClawedBack c) {
      changeFunding(
          c,
          f ->
              withChange(
                  f,
                  c,
                  f.renewedAs(),
                  f.disbursed(),
                  f.clawedBack().plus(c.amount()),
                  f.endedOn()));
    }

    /** Funding ended; only its first end counts. */
    void endFunding(FundingEnded e) {
      changeFunding(
          e,
          f ->
              withChange(
                  f,
                  e,
                  f.renewedAs(),
                  f.disbursed(),
                  f.clawedBack(),
                  f.endedOn() == null ? e.occurredOn() : f.endedOn()));
    }

    /** A renewal is a funding of its own, from the same funder, of the same type. */
    void renewFunding(FundingRenewed r) {
      Funding f = fundings.get(r.fundingId());
      if (f == null) {
        return;
      }
      fundings =
          fundings.with(
              r.renewalId(),
              new Funding(
                  r.renewalId(),
                  f.type(),
                  f.instrument(),
                  f.funder(),
                  f.funderId(),
                  r.amount(),
                  r.period(),
                  r.factId(),
                  f.fundingId(),
                  null,
                  Money.euros(0),
                  Money.euros(0),
                  null,
                  List.of(r.factId())));
      changeFunding(
          r, g -> withChange(g, r, r.renewalId(), g.disbursed(), g.clawedBack(), g.endedOn()));
    }

    private void changeFunding(FundingChange change, UnaryOperator<Funding> changed) {
      Funding f = fundings.get(change.fundingId());
      if (f != null) {
        fundings = fundings.with(f.fundingId(), changed.apply(f));
      }
    }

    private static Funding withChange(
        Funding f,
        FundingChange change,
        FundingId renewedAs,
        Money disbursed,
        Money clawedBack,
        FactDate endedOn) {
      return new Funding(
          f.fundingId(),
          f.type(),
          f.instrument(),
          f.funder(),
          f.funderId(),
          f.amount(),
          f.period(),
          f.factId(),
          f.renewedFrom(),
          renewedAs,
          disbursed,
          clawedBack,
          endedOn,
          plus(f.factIds(), change.factId()));
    }

    // Activities and cohorts

    void startActivity(ActivityStarted a) {
      activities = activities.with(a.activityId(), new Activity(a, null));
    }

    void endActivity(ActivityEnded e) {
      Activity activity = activities.get(e.activityId());
      if (activity != null) {
        activities = activities.with(e.activityId(), new Activity(activity.started(), e));
      }
    }

    void enrol(CohortEnrolled c) {
      cohorts =
          cohorts.with(
              c.cohortId(),
              new Cohort(c, 0, Exactness.EXACT, 0, Exactness.EXACT, List.of(c.factId())));
    }

    void dropOut(ParticipantsDroppedOut d) {
      changeCohort(
          d,
          cohort ->
              new Cohort(
                  cohort.enrolled(),
                  cohort.droppedOut() + d.participants(),
                  cohort.droppedOutExactness().and(d.exactness()),
                  cohort.graduated(),
                  cohort.graduatedExactness(),
                  plus(cohort.factIds(), d.factId())));
    }

    void graduate(ParticipantsGraduated g) {
      changeCohort(
          g,
          cohort ->
              new Cohort(
                  cohort.enrolled(),
                  cohort.droppedOut(),
                  cohort.droppedOutExactness(),
                  cohort.graduated() + g.participants(),
                  cohort.graduatedExactness().and(g.exactness()),
                  plus(cohort.factIds(), g.factId())));
    }

    private void changeCohort(CohortChange change, UnaryOperator<Cohort> changed) {
      Cohort cohort = cohorts.get(change.cohortId());
      if (cohort != null) {
        cohorts = cohorts.with(change.cohortId(), changed.apply(cohort));
      }
    }

    // Key persons

    void assignKeyPerson(KeyPersonAssigned k) {
      keyPersons =
          keyPersons.with(
              k.keyPersonId(), new KeyPerson(k, null, null, null, null, List.of(k.factId())));
    }

    void keyPersonLeft(KeyPersonLeft l) {
      changeKeyPerson(
          l.keyPersonId(),
          person ->
              new KeyPerson(
                  person.assigned(),
                  l,
                  person.successorId(),
                  person.succeededOn(),
                  person.predecessorId(),
                  plus(person.factIds(), l.factId())));
    }

    void succeed(KeyPersonSucceeded s) {
      changeKeyPerson(
          s.keyPersonId(),
          predecessor ->
              new KeyPerson(
                  predecessor.assigned(),
                  predecessor.left(),
                  s.successorId(),
                  s.occurredOn(),
                  predecessor.predecessorId(),
                  plus(predecessor.factIds(), s.factId())));
      changeKeyPerson(
          s.successorId(),
          successor ->
              new KeyPerson(
                  successor.assigned(),
                  successor.left(),
                  successor.successorId(),
                  successor.succeededOn(),
                  s.keyPersonId(),
                  plus(successor.factIds(), s.factId())));
    }

    private void changeKeyPerson(KeyPersonId id, UnaryOperator<KeyPerson> changed) {
      KeyPerson person = keyPersons.get(id);
      if (person != null) {
        keyPersons = keyPersons.with(id, changed.apply(person));
      }
    }

    // Governance and evaluations

    void establishGovernance(GovernanceEstablished g) {
      governance =
          new Governance(
              g.form(), g.entityName(), g.occurredOn(), g.occurredOn(), List.of(g.factId()));
    }

    void changeGovernance(GovernanceChanged g) {
      if (governance != null) {
        governance =
            new Governance(
                g.form(),
                g.entityName(),
                governance.establishedOn(),
                g.occurredOn(),
                plus(governance.factIds(), g.factId()));
      }
    }

    void evaluate(EvaluationRecorded e) {
      evaluations = evaluations.plus(e);
    }
  }

  /** Whether a period includes a day, reading vague ends generously. */
  public static boolean covers(DateRange period, LocalDate day) {
    return !period.from().countsFrom().isAfter(day)
        && (period.until() == null || !period.until().lastDay().isBefore(day));
  }

  private static <T> List<T> plus(List<T> list, T element) {
    List<T> copy = new ArrayList<>(list);
    copy.add(element);
    return List.copyOf(copy);
  }
}
