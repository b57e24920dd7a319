package nl.partnershipregistry.core.partnership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf.Step;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentOutcome;
import nl.partnershipregistry.core.partnership.event.CommitmentPartiallyFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
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
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;

/**
 * The one table of the kinds of partnership fact: for every fact type, where it stands among the
 * facts of its day, whether it may follow a discontinuation, what must hold for it (the partner
 * active, the commitment, funding, activity, cohort or key person it is about defined, the
 * governance established), what it brings about or ends, and what it changes in the fold's state (a
 * method of {@link PartnershipAsOf.Step}). The timeline's order ({@link PartnershipHistory}), the
 * placement of facts of uncertain date ({@link Placement}), the rules ({@link PartnershipPolicies}:
 * which partner must be active, which subject defined, whether governance must be established,
 * whether the fact may follow a discontinuation) and the fold ({@link PartnershipAsOf}) all read
 * it, so they cannot disagree on a kind of fact. Every concrete fact type of the sealed hierarchy
 * has an entry ({@code FactKindsTest}); a new kind of fact adds one.
 */
final class FactKinds {

  /** What a condition is about. */
  enum Subject {
    REGISTERED("registered", false),
    RUNNING("running", false),
    PARTNER("partner", false),
    COMMITMENT("commitment", true),
    FUNDING("funding", true),
    ACTIVITY("activity", true),
    COHORT("cohort", true),
    KEY_PERSON("key person", true),
    GOVERNANCE("governance", false);

    final String label;

    /**
     * Whether one fact defines it under an identifier of its own and others refer to it: a
     * commitment, funding, activity, cohort or key person.
     */
    final boolean identified;

    Subject(String label, boolean identified) {
      this.label = label;
      this.identified = identified;
    }
  }

  /**
   * Something that holds or not at a point of the history: the partnership is registered or
   * running, a partner ({@code id}) is active, a commitment, funding, activity, cohort or key
   * person ({@code id}) is defined, governance is established.
   */
  record Condition(Subject subject, String id, boolean holds) {

    /** The condition's name, the same whether it holds or not: "partner hitecs". */
    String name() {
      return id == null ? subject.label : subject.label + " " + id;
    }

    /** The same condition, holding. */
    Condition holding() {
      return new Condition(subject, id, true);
    }
  }

  /** What a fact's needs may depend on beyond the fact: the partner a commitment belongs to. */
  interface Context {
    Optional<OrganisationId> partnerOf(CommitmentId commitment);
  }

  /** One kind of fact, with what it changes in the fold's state ({@link PartnershipAsOf.Step}). */
  private record Kind<F extends PartnershipFact>(
      Class<F> type,
      int sameDayRank,
      boolean mayFollowDiscontinuation,
      BiFunction<F, Context, List<Condition>> needs,
      Function<F, List<Condition>> effects,
      BiConsumer<PartnershipAsOf.Step, F> fold) {

    List<Condition> needsOf(PartnershipFact fact, Context context) {
      return needs.apply(type.cast(fact), context);
    }

    List<Condition> effectsOf(PartnershipFact fact) {
      return effects.apply(type.cast(fact));
    }

    void foldInto(PartnershipFact fact, PartnershipAsOf.Step step) {
      fold.accept(step, type.cast(fact));
    }
  }

  private static final Condition REGISTERED = new Condition(Subject.REGISTERED, null, true);
  private static final Condition RUNNING = new Condition(Subject.RUNNING, null, true);
  private static final Condition NOT_RUNNING = new Condition(Subject.RUNNING, null, false);
  private static final Condition GOVERNANCE = new Condition(Subject.GOVERNANCE, null, true);

  private static final List<Condition> ONLY_REGISTERED = List.of(REGISTERED);
  private static final Map<Condition, List<Condition>> REGISTERED_AND_RUNNING =
      Map.of(RUNNING, List.of(REGISTERED, RUNNING), NOT_RUNNING, List.of(REGISTERED, NOT_RUNNING));

  private static final Map<Class<?>, Kind<?>> KINDS = new HashMap<>();

  static {
    // The partnership's lifecycle
    kind(
        PartnershipRegistered.class,
        0,
        false,
        none(),
        f -> List.of(REGISTERED, RUNNING),
        Step::register);
    kind(PartnershipRenamed.class, 2, false, none(), nothing(), Step::rename);
    kind(PartnershipDescribed.class, 2, false, none(), nothing(), Step::describe);
    kind(PhaseChanged.class, 2, false, none(), nothing(), Step::changePhase);
    kind(
        PartnershipDiscontinued.class,
        9,
        true,
        none(),
        f -> List.of(NOT_RUNNING),
        Step::discontinue);
    kind(PartnershipRevived.class, 1, true, none(), f -> List.of(RUNNING), Step::revive);
    // Partners
    kind(
        PartnerJoined.class,
        3,
        false,
        (f, c) -> List.of(partner(f.organisationId(), false)),
        f -> List.of(partner(f.organisationId(), true)),
        Step::join);
    kind(
        PartnerRoleChanged.class,
        4,
        false,
        (f, c) -> List.of(partner(f.organisationId(), true)),
        nothing(),
        Step::changeRole);
    kind(
        PartnerLeft.class,
        8,
        false,
        (f, c) -> List.of(partner(f.organisationId(), true)),
        f -> List.of(partner(f.organisationId(), false)),
        Step::leave);
    // Commitments
    kind(
        CommitmentRecorded.class,
        5,
        false,
        (f, c) -> List.of(partner(f.organisationId(), true)),
        f -> List.of(defined(Subject.COMMITMENT, f.commitmentId().value())),
        Step::promise);
    outcome(CommitmentFulfilled.class);
    outcome(CommitmentPartiallyFulfilled.class);
    outcome(CommitmentBroken.class);
    outcome(CommitmentWithdrawn.class);
    kind(
        CommitmentRenewed.class,
        6,
        false,
        (f, c) -> {
          List<Condition> needs = new ArrayList<>(commitment(f));
          c.partnerOf(f.commitmentId()).ifPresent(p -> needs.add(partner(p, true)));
          return needs;
        },
        f -> List.of(defined(Subject.COMMITMENT, f.renewalId().value())),
        Step::renewCommitment);
    // Funding
    kind(
        FundingAwarded.class,
        5,
        false,
        none(),
        f -> List.of(defined(Subject.FUNDING, f.fundingId().value())),
        Step::award);
    fundingChange(FundingDisbursed.class, Step::disburse);
    fundingChange(FundingClawedBack.class, Step::clawBack);
    fundingChange(FundingEnded.class, Step::endFunding);
    kind(
        FundingRenewed.class,
        6,
        false,
        (f, c) -> funding(f),
        f -> List.of(defined(Subject.FUNDING, f.renewalId().value())),
        Step::renewFunding);
    // Activities and cohorts
    kind(
        ActivityStarted.class,
        5,
        false,
        none(),
        f -> List.of(defined(Subject.ACTIVITY, f.activityId().value())),
        Step::startActivity);
    kind(
        ActivityEnded.class,
        7,
        false,
        (f, c) -> List.of(defined(Subject.ACTIVITY, f.activityId().value())),
        nothing(),
        Step::endActivity);
    kind(
        CohortEnrolled.class,
        5,
        false,
        (f, c) ->
            f.activityId() == null
                ? List.of()
                : List.of(defined(Subject.ACTIVITY, f.activityId().value())),
        f -> List.of(defined(Subject.COHORT, f.cohortId().value())),
        Step::enrol);
    kind(
        ParticipantsDroppedOut.class,
        6,
        true,
        (f, c) -> List.of(defined(Subject.COHORT, f.cohortId().value())),
        nothing(),
        Step::dropOut);
    kind(
        ParticipantsGraduated.class,
        6,
        true,
        (f, c) -> List.of(defined(Subject.COHORT, f.cohortId().value())),
        nothing(),
        Step::graduate);
    // Key persons
    kind(
        KeyPersonAssigned.class,
        5,
        false,
        (f, c) ->
            f.organisationId() == null ? List.of() : List.of(partner(f.organisationId(), true)),
        f -> List.of(defined(Subject.KEY_PERSON, f.keyPersonId().value())),
        Step::assignKeyPerson);
    kind(
        KeyPersonLeft.class,
        7,
        false,
        (f, c) -> List.of(defined(Subject.KEY_PERSON, f.keyPersonId().value())),
        nothing(),
        Step::keyPersonLeft);
    kind(
        KeyPersonSucceeded.class,
        6,
        false,
        (f, c) ->
            List.of(
                defined(Subject.KEY_PERSON, f.keyPersonId().value()),
                defined(Subject.KEY_PERSON, f.successorId().value())),
        nothing(),
        Step::succeed);
    // Governance and evaluations
    kind(
        GovernanceEstablished.class,
        2,
        false,
        none(),
        f -> List.of(GOVERNANCE),
        Step::establishGovernance);
    kind(
        GovernanceChanged.class,
        2,
        false,
        (f, c) -> List.of(GOVERNANCE),
        nothing(),
        Step::changeGovernance);
    kind(EvaluationRecorded.class, 6, true, none(), nothing(), Step::evaluate);
  }

  private FactKinds() {}

  /** The fact types the table knows. */
  static Set<Class<?>> types() {
    return Set.copyOf(KINDS.keySet());
  }

  /** Where a fact stands among the facts of its day: lower first. */
  static int sameDayRank(PartnershipFact fact) {
    return kind(fact).sameDayRank();
  }

  /**
   * After a discontinuation, the history of what happened to earlier promises may still be settled,
   * participants may still graduate, and the partnership may be evaluated; nothing new starts
   * without a revival.
   */
  static boolean mayFollowDiscontinuation(PartnershipFact fact) {
    return kind(fact).mayFollowDiscontinuation();
  }

  /**
   * What must hold for a fact where it stands: the registration (for any fact but a registration),
   * the partnership running (for a fact that may not follow a discontinuation, and for a
   * discontinuation) or not running (for a revival), and what the fact's kind needs.
   */
  static List<Condition> needs(PartnershipFact fact, Context context) {
    if (fact instanceof PartnershipRegistered) {
      return List.of();
    }
    Condition lifecycle =
        fact instanceof PartnershipRevived
            ? NOT_RUNNING
            : fact instanceof PartnershipDiscontinued || !mayFollowDiscontinuation(fact)
                ? RUNNING
                : null;
    List<Condition> own = kind(fact).needsOf(fact, context);
    if (own.isEmpty()) {
      // Most facts (evaluations, phase changes, ...) need no more: two shared lists, made once.
      return lifecycle == null ? ONLY_REGISTERED : REGISTERED_AND_RUNNING.get(lifecycle);
    }
    List<Condition> needs = new ArrayList<>(own.size() + 2);
    needs.add(REGISTERED);
    if (lifecycle != null) {
      needs.add(lifecycle);
    }
    needs.addAll(own);
    return Collections.unmodifiableList(needs);
  }

  /** Takes a fact into the fold's next state: what its kind changes. */
  static void fold(PartnershipFact fact, PartnershipAsOf.Step step) {
    kind(fact).foldInto(fact, step);
  }

  /** What a fact brings about or ends. */
  static List<Condition> effects(PartnershipFact fact) {
    return kind(fact).effectsOf(fact);
  }

  /** The commitments, funding, activities, cohorts and key persons a fact defines. */
  static List<Condition> identifiedBy(PartnershipFact fact) {
    return effects(fact).stream().filter(e -> e.holds() && e.subject().identified).toList();
  }

  private static Kind<?> kind(PartnershipFact fact) {
    Kind<?> kind = KINDS.get(fact.getClass());
    if (kind == null) {
      throw new IllegalStateException("no entry in FactKinds for " + fact.getClass().getName());
    }
    return kind;
  }

  private static <F extends PartnershipFact> void kind(
      Class<F> type,
      int sameDayRank,
      boolean mayFollowDiscontinuation,
      BiFunction<F, Context, List<Condition>> needs,
      Function<F, List<Condition>> effects,
      BiConsumer<Step, F> fold) {
    KINDS.put(type, new Kind<>(type, sameDayRank, mayFollowDiscontinuation, needs, effects, fold));
  }

  /**
   * A settlement of a commitment: after it, on its day; it may follow a discontinuation; it settles
   * the commitment.
   */
  private static <F extends CommitmentOutcome> void outcome(Class<F> type) {
    kind(type, 6, true, (f, c) -> commitment(f), nothing(), Step::settle);
  }

  /** A change to funding: after the award, on its day; it may follow a discontinuation. */
  private static <F extends FundingChange> void fundingChange(
      Class<F> type, BiConsumer<Step, F> fold) {
    kind(type, 6, true, (f, c) -> funding(f), nothing(), fold);
  }

  private static List<Condition> commitment(CommitmentOutcome outcome) {
    return List.of(defined(Subject.COMMITMENT, outcome.commitmentId().value()));
  }

  private static List<Condition> funding(FundingChange change) {
    return List.of(defined(Subject.FUNDING, change.fundingId().value()));
  }

  private static <F> BiFunction<F, Context, List<Condition>> none() {
    return (f, c) -> List.of();
  }

  private static <F> Function<F, List<Condition>> nothing() {
    return f -> List.of();
  }

  private static Condition partner(OrganisationId organisation, boolean active) {
    return new Condition(Subject.PARTNER, organisation.value(), active);
  }

  private static Condition defined(Subject subject, String identifier) {
    return new Condition(subject, identifier, true);
  }
}
