package nl.partnershipregistry.core.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Outside this class the state cannot be changed: every accessor gives a copy or an immutable
 * value.
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

    /** True when any of its counts is not exact. */
    public boolean approximate() {
      return !enrolled.exactness().and(droppedOutExactness).and(graduatedExactness).isExact();
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

  private LocalDate asOf;
  private final List<PartnershipFact> applied = new ArrayList<>();
  private PartnershipRegistered registration;
  private String name;
  private final List<String> names = new ArrayList<>();
  private PartnershipKind kind;
  private String region;
  private String sector;
  private String goal;
  private final List<PhasePeriod> phases = new ArrayList<>();
  private final List<PartnershipDiscontinued> discontinuations = new ArrayList<>();
  private PartnershipDiscontinued discontinuation;
  private final List<Participation> participations = new ArrayList<>();
  private final Map<CommitmentId, Commitment> commitments = new LinkedHashMap<>();
  private final Map<FundingId, Funding> fundings = new LinkedHashMap<>();
  private final Map<ActivityId, Activity> activities = new LinkedHashMap<>();
  private final Map<CohortId, Cohort> cohorts = new LinkedHashMap<>();
  private final Map<KeyPersonId, KeyPerson> keyPersons = new LinkedHashMap<>();
  private final List<EvaluationRecorded> evaluations = new ArrayList<>();
  private Governance governance;

  private PartnershipAsOf(LocalDate asOf) {
    this.asOf = asOf;
  }

  /**
   * The state before any fact, for a walk that applies facts one by one ({@link HistoryCheck}); its
   * valid date is left open.
   */
  static PartnershipAsOf beforeAnything() {
    return new PartnershipAsOf(LocalDate.MAX);
  }

  /** The partnership as of {@code asOf}, from a history as the registry knew it. */
  public static PartnershipAsOf of(PartnershipHistory history, LocalDate asOf) {
    PartnershipAsOf state = new PartnershipAsOf(asOf);
    for (PartnershipFact fact : history.timeline()) {
      if (fact.occurredOn().countsFrom().isAfter(asOf)) {
        break;
      }
      state.apply(fact);
    }
    return state;
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
    PartnershipAsOf state = new PartnershipAsOf(LocalDate.MIN);
    T last = null;
    for (PartnershipFact fact : history.timeline()) {
      LocalDate first = fact.occurredOn().countsFrom();
      if (first.isAfter(state.asOf)) {
        last = keep(views, state, view, last);
        state.asOf = first;
      }
      state.apply(fact);
    }
    keep(views, state, view, last);
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
    return List.copyOf(names);
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
    return phases.isEmpty() ? null : phases.get(phases.size() - 1).phase();
  }

  public Optional<PhasePeriod> currentPhase() {
    return phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(phases.size() - 1));
  }

  public List<PhasePeriod> phases() {
    return List.copyOf(phases);
  }

  /** The discontinuation in effect on the valid date, if it is discontinued then. */
  public Optional<PartnershipDiscontinued> discontinuation() {
    return Optional.ofNullable(discontinuation);
  }

  public List<PartnershipDiscontinued> discontinuations() {
    return List.copyOf(discontinuations);
  }

  public List<Participation> participations() {
    return List.copyOf(participations);
  }

  public List<Participation> activePartners() {
    return participations.stream().filter(Participation::isActive).toList();
  }

  public Collection<Commitment> commitments() {
    return List.copyOf(commitments.values());
  }

  public Collection<Funding> fundings() {
    return List.copyOf(fundings.values());
  }

  public Collection<Activity> activities() {
    return List.copyOf(activities.values());
  }

  public Collection<Cohort> cohorts() {
    return List.copyOf(cohorts.values());
  }

  public Collection<KeyPerson> keyPersons() {
    return List.copyOf(keyPersons.values());
  }

  public List<EvaluationRecorded> evaluations() {
    return List.copyOf(evaluations);
  }

  public Optional<Governance> governance() {
    return Optional.ofNullable(governance);
  }

  /** The facts taken into account, in timeline order. */
  public List<PartnershipFact> applied() {
    return List.copyOf(applied);
  }

  // Lookups for the rules, without copying: they run for every fact of a history.

  /** The organisation's membership that is active, or null. */
  Participation activeParticipation(OrganisationId organisation) {
    for (int i = participations.size() - 1; i >= 0; i--) {
      Participation p = participations.get(i);
      if (p.organisationId().equals(organisation) && p.isActive()) {
        return p;
      }
    }
    return null;
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

  /** Takes one more fact into account: the next of the timeline. */
  void apply(PartnershipFact fact) {
    applied.add(fact);
    if (fact instanceof PartnershipRegistered r) {
      registration = r;
      name = r.name();
      names.add(name);
      kind = r.kind();
      region = r.region();
      sector = r.sector();
      goal = r.goal();
      phases.add(
          new PhasePeriod(
              r.phase() == null ? Phase.UNKNOWN : r.phase(), r.occurredOn(), r.factId()));
    } else if (fact instanceof PartnershipRenamed r) {
      name = r.name();
      names.add(name);
    } else if (fact instanceof PartnershipDescribed d) {
      kind = d.kind();
      region = d.region();
      sector = d.sector();
      goal = d.goal();
    } else if (fact instanceof PhaseChanged p) {
      phases.add(new PhasePeriod(p.phase(), p.occurredOn(), p.factId()));
    } else if (fact instanceof PartnershipDiscontinued d) {
      discontinuation = d;
      discontinuations.add(d);
      phases.add(new PhasePeriod(Phase.DISCONTINUED, d.occurredOn(), d.factId()));
    } else if (fact instanceof PartnershipRevived r) {
      discontinuation = null;
      phases.add(new PhasePeriod(r.phase(), r.occurredOn(), r.factId()));
    } else if (fact instanceof PartnerJoined j) {
      participations.add(
          new Participation(
              j.organisationId(), j.role(), j.occurredOn(), null, List.of(j.factId())));
    } else if (fact instanceof PartnerRoleChanged c) {
      replaceActive(c.organisationId(), p -> p.withRole(c.role(), c.factId()));
    } else if (fact instanceof PartnerLeft l) {
      replaceActive(l.organisationId(), p -> p.left(l.occurredOn(), l.factId()));
    } else if (fact instanceof CommitmentRecorded c) {
      commitments.put(
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
    } else if (fact instanceof CommitmentOutcome o) {
      settle(o);
    } else if (fact instanceof FundingAwarded f) {
      fundings.put(
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
    } else if (fact instanceof FundingChange c) {
      changeFunding(c);
    } else if (fact instanceof ActivityStarted a) {
      activities.put(a.activityId(), new Activity(a, null));
    } else if (fact instanceof ActivityEnded e) {
      Activity activity = activities.get(e.activityId());
      if (activity != null) {
        activities.put(e.activityId(), new Activity(activity.started(), e));
      }
    } else if (fact instanceof CohortEnrolled c) {
      cohorts.put(
          c.cohortId(), new Cohort(c, 0, Exactness.EXACT, 0, Exactness.EXACT, List.of(c.factId())));
    } else if (fact instanceof CohortChange c) {
      Cohort cohort = cohorts.get(c.cohortId());
      if (cohort != null) {
        boolean dropout = c instanceof ParticipantsDroppedOut;
        cohorts.put(
            c.cohortId(),
            new Cohort(
                cohort.enrolled(),
                cohort.droppedOut() + (dropout ? c.participants() : 0),
                dropout
                    ? cohort.droppedOutExactness().and(c.exactness())
                    : cohort.droppedOutExactness(),
                cohort.graduated() + (dropout ? 0 : c.participants()),
                dropout
                    ? cohort.graduatedExactness()
                    : cohort.graduatedExactness().and(c.exactness()),
                plus(cohort.factIds(), c.factId())));
      }
    } else if (fact instanceof KeyPersonAssigned k) {
      keyPersons.put(
          k.keyPersonId(), new KeyPerson(k, null, null, null, null, List.of(k.factId())));
    } else if (fact instanceof KeyPersonLeft l) {
      KeyPerson person = keyPersons.get(l.keyPersonId());
      if (person != null) {
        keyPersons.put(
            l.keyPersonId(),
            new KeyPerson(
                person.assigned(),
                l,
                person.successorId(),
                person.succeededOn(),
                person.predecessorId(),
                plus(person.factIds(), l.factId())));
      }
    } else if (fact instanceof KeyPersonSucceeded s) {
      KeyPerson predecessor = keyPersons.get(s.keyPersonId());
      KeyPerson successor = keyPersons.get(s.successorId());
      if (predecessor != null) {
        keyPersons.put(
            s.keyPersonId(),
            new KeyPerson(
                predecessor.assigned(),
                predecessor.left(),
                s.successorId(),
                s.occurredOn(),
                predecessor.predecessorId(),
                plus(predecessor.factIds(), s.factId())));
      }
      if (successor != null) {
        keyPersons.put(
            s.successorId(),
            new KeyPerson(
                successor.assigned(),
                successor.left(),
                successor.successorId(),
                successor.succeededOn(),
                s.keyPersonId(),
                plus(successor.factIds(), s.factId())));
      }
    } else if (fact instanceof GovernanceEstablished g) {
      governance =
          new Governance(
              g.form(), g.entityName(), g.occurredOn(), g.occurredOn(), List.of(g.factId()));
    } else if (fact instanceof GovernanceChanged g && governance != null) {
      governance =
          new Governance(
              g.form(),
              g.entityName(),
              governance.establishedOn(),
              g.occurredOn(),
              plus(governance.factIds(), g.factId()));
    } else if (fact instanceof EvaluationRecorded e) {
      evaluations.add(e);
    }
  }

  private void replaceActive(OrganisationId organisation, UnaryOperator<Participation> change) {
    for (int i = participations.size() - 1; i >= 0; i--) {
      Participation p = participations.get(i);
      if (p.organisationId().equals(organisation) && p.isActive()) {
        participations.set(i, change.apply(p));
        return;
      }
    }
  }

  private void settle(CommitmentOutcome outcome) {
    Commitment c = commitments.get(outcome.commitmentId());
    if (c == null || c.outcome() != null) {
      return;
    }
    commitments.put(
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
    if (outcome instanceof CommitmentRenewed r) {
      commitments.put(
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
  }

  private void changeFunding(FundingChange change) {
    Funding f = fundings.get(change.fundingId());
    if (f == null) {
      return;
    }
    Money disbursed = f.disbursed();
    Money clawedBack = f.clawedBack();
    FactDate endedOn = f.endedOn();
    FundingId renewedAs = f.renewedAs();
    if (change instanceof FundingDisbursed d) {
      disbursed = disbursed.plus(d.amount());
    } else if (change instanceof FundingClawedBack c) {
      clawedBack = clawedBack.plus(c.amount());
    } else if (change instanceof FundingEnded e && endedOn == null) {
      endedOn = e.occurredOn();
    } else if (change instanceof FundingRenewed r) {
      renewedAs = r.renewalId();
      fundings.put(
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
    }
    fundings.put(
        f.fundingId(),
        new Funding(
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
            plus(f.factIds(), change.factId())));
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
