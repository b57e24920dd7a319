package nl.partnershipregistry.core.partnership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.partnershipregistry.core.common.ContradictsRecordedFact;
import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Violation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.event.CohortChange;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentOutcome;
import nl.partnershipregistry.core.partnership.event.CommitmentPartiallyFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
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
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnerRoleChanged;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.event.PartnershipRevived;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * Walks a partnership's timeline once and lists every fact that contradicts the facts before it.
 *
 * <p>Because facts may be recorded in any order, years after they happened, a new fact is judged by
 * the whole history it would join: the aggregate refuses a command when the history with its fact
 * has a violation that the history without it had not. The violation is the fact's own when the
 * fact itself does not fit (a commitment of a partner that had not joined yet); it is another
 * fact's when the new fact pulls the ground from under it (a departure dated before a commitment
 * the partner made).
 */
final class HistoryCheck {

  private final List<PartnershipFact> timeline;
  private final List<Violation> violations = new ArrayList<>();
  private final Map<String, FactDate> subjects = new HashMap<>();

  private PartnershipFact current;
  private PartnershipId partnership;
  private FactDate started;
  private FactDate discontinuedOn;
  private Phase phase;
  private FactDate phaseSince;
  private final Map<OrganisationId, Participation> partners = new HashMap<>();
  private final Map<CommitmentId, CommitmentState> commitments = new HashMap<>();
  private final Map<FundingId, FundingState> fundings = new HashMap<>();
  private final Map<ActivityId, ActivityState> activities = new HashMap<>();
  private final Map<CohortId, CohortState> cohorts = new HashMap<>();
  private final Map<KeyPersonId, KeyPersonState> keyPersons = new HashMap<>();
  private GovernanceEstablished governance;
  private GovernanceForm governanceForm;
  private String governanceName;

  private HistoryCheck(List<PartnershipFact> timeline) {
    this.timeline = timeline;
  }

  static List<Violation> violations(PartnershipHistory history) {
    return new HistoryCheck(history.timeline()).walk();
  }

  /**
   * Refuses a change when {@code after} has a violation that {@code before} has not; see {@link
   * Violation#requireNoneNew}.
   */
  static void requireNoNewViolations(
      PartnershipHistory before, PartnershipHistory after, FactId concerned) {
    Violation.requireNoneNew(
        violations(before), violations(after), concerned, ContradictsRecordedFact::new);
  }

  private List<Violation> walk() {
    FactDate registeredOn = null;
    boolean startKnown = true;
    for (PartnershipFact fact : timeline) {
      // Named before the registration is met: a fact may stand before it, and is then judged too.
      partnership = fact.partnershipId();
      if (fact instanceof PartnershipRegistered registration) {
        registeredOn = registration.occurredOn();
        startKnown = registration.startKnown();
      }
      defineSubjects(fact);
    }
    for (PartnershipFact fact : timeline) {
      current = fact;
      checkNotInFuture(fact);
      if (started == null && !(fact instanceof PartnershipRegistered)) {
        report(
            new FactBeforePartnershipStart(
                what(fact), fact.partnershipId(), fact.occurredOn(), registeredOn, startKnown));
      } else if (discontinuedOn != null && !FactKinds.mayFollowDiscontinuation(fact)) {
        report(
            new PartnershipNotRunning(what(fact), partnership, fact.occurredOn(), discontinuedOn));
      }
      check(fact);
    }
    return violations;
  }

  private void check(PartnershipFact fact) {
    if (fact instanceof PartnershipRegistered registration) {
      registered(registration);
    } else if (fact instanceof PhaseChanged change) {
      phaseChanged(change);
    } else if (fact instanceof PartnershipDiscontinued discontinuation) {
      discontinued(discontinuation);
    } else if (fact instanceof PartnershipRevived revival) {
      revived(revival);
    } else if (fact instanceof PartnerJoined joined) {
      joined(joined);
    } else if (fact instanceof PartnerRoleChanged change) {
      roleChanged(change);
    } else if (fact instanceof PartnerLeft left) {
      left(left);
    } else if (fact instanceof CommitmentRecorded commitment) {
      commitmentRecorded(commitment);
    } else if (fact instanceof CommitmentOutcome outcome) {
      commitmentSettled(outcome);
    } else if (fact instanceof FundingAwarded award) {
      fundingAwarded(award);
    } else if (fact instanceof FundingChange change) {
      fundingChanged(change);
    } else if (fact instanceof ActivityStarted activity) {
      activityStarted(activity);
    } else if (fact instanceof ActivityEnded ended) {
      activityEnded(ended);
    } else if (fact instanceof CohortEnrolled cohort) {
      cohortEnrolled(cohort);
    } else if (fact instanceof CohortChange change) {
      cohortChanged(change);
    } else if (fact instanceof KeyPersonAssigned person) {
      keyPersonAssigned(person);
    } else if (fact instanceof KeyPersonLeft left) {
      keyPersonLeft(left);
    } else if (fact instanceof KeyPersonSucceeded succession) {
      keyPersonSucceeded(succession);
    } else if (fact instanceof GovernanceEstablished established) {
      governanceEstablished(established);
    } else if (fact instanceof GovernanceChanged change) {
      governanceChanged(change);
    }
  }

  // Lifecycle

  private void registered(PartnershipRegistered registration) {
    partnership = registration.partnershipId();
    started = registration.occurredOn();
    if (registration.phase() == Phase.DISCONTINUED || registration.phase() == Phase.UNKNOWN) {
      report(new PhaseNotSettable(registration.phase()));
    }
    phase = registration.phase() == null ? Phase.UNKNOWN : registration.phase();
    phaseSince = registration.occurredOn();
    if (partnership.equals(registration.predecessor())) {
      report(new InvalidSuccession("a partnership cannot be its own predecessor"));
    }
  }

  private void phaseChanged(PhaseChanged change) {
    if (change.phase() == Phase.DISCONTINUED
        || change.phase() == Phase.UNKNOWN
        || (change.phase() == Phase.INITIATED && phase != Phase.UNKNOWN)) {
      report(new PhaseNotSettable(change.phase()));
    } else if (change.phase() == phase) {
      report(new AlreadyInPhase(partnership, phase, phaseSince));
    } else {
      phase = change.phase();
      phaseSince = change.occurredOn();
    }
  }

  private void discontinued(PartnershipDiscontinued discontinuation) {
    if (discontinuation.reason() == DiscontinuationReason.OTHER
        && discontinuation.explanation() == null) {
      report(new DiscontinuationUnexplained(partnership));
    }
    if (partnership.equals(discontinuation.successor())) {
      report(new InvalidSuccession("a partnership cannot be its own successor"));
    }
    if (discontinuedOn != null) {
      report(new PartnershipAlreadyDiscontinued(partnership, discontinuedOn));
      return;
    }
    discontinuedOn = discontinuation.occurredOn();
    phase = Phase.DISCONTINUED;
    phaseSince = discontinuation.occurredOn();
  }

  private void revived(PartnershipRevived revival) {
    if (revival.phase() == Phase.INITIATED
        || revival.phase() == Phase.DISCONTINUED
        || revival.phase() == Phase.UNKNOWN) {
      report(new PhaseNotSettable(revival.phase()));
    }
    if (discontinuedOn == null) {
      report(new PartnershipNotDiscontinued(partnership, revival.occurredOn()));
      return;
    }
    discontinuedOn = null;
    phase = revival.phase();
    phaseSince = revival.occurredOn();
  }

  // Partners

  private void joined(PartnerJoined joined) {
    Participation active = partners.get(joined.organisationId());
    if (active != null) {
      report(
          new PartnerAlreadyActive(
              joined.organisationId(), partnership, joined.occurredOn(), active.joinedOn()));
      return;
    }
    partners.put(joined.organisationId(), new Participation(joined.role(), joined.occurredOn()));
  }

  private void roleChanged(PartnerRoleChanged change) {
    Participation active = requireActive(change.organisationId(), "the role change");
    if (active == null) {
      return;
    }
    if (active.role() == change.role()) {
      report(new PartnerAlreadyInRole(change.organisationId(), change.role()));
      return;
    }
    partners.put(change.organisationId(), new Participation(change.role(), active.joinedOn()));
  }

  private void left(PartnerLeft left) {
    if (requireActive(left.organisationId(), "the departure") != null) {
      partners.remove(left.organisationId());
    }
  }

  private Participation requireActive(OrganisationId organisation, String what) {
    Participation active = partners.get(organisation);
    if (active == null) {
      report(new PartnerNotActive(what, organisation, partnership, current.occurredOn()));
    }
    return active;
  }

  // Commitments

  private void commitmentRecorded(CommitmentRecorded commitment) {
    if (commitments.containsKey(commitment.commitmentId())) {
      report(new IdentifierAlreadyUsed("commitment", commitment.commitmentId().value()));
      return;
    }
    requireActive(commitment.organisationId(), "commitment " + commitment.commitmentId());
    requireUnitFits(commitment.commitmentType(), commitment.quantity());
    commitments.put(
        commitment.commitmentId(),
        new CommitmentState(
            commitment.organisationId(), commitment.commitmentType(), commitment.quantity()));
  }

  private void commitmentSettled(CommitmentOutcome outcome) {
    CommitmentState commitment = subject(commitments, outcome.commitmentId(), "commitment");
    if (commitment == null) {
      return;
    }
    if (commitment.outcome != null) {
      report(
          new CommitmentAlreadySettled(
              outcome.commitmentId(), commitment.outcome, commitment.settledOn));
      return;
    }
    if (outcome instanceof CommitmentPartiallyFulfilled partial) {
      Quantity promised = commitment.quantity;
      if (partial.delivered().unit() != promised.unit()) {
        report(
            new UnitDoesNotFit(
                "the delivery on commitment " + partial.commitmentId(),
                partial.delivered().unit(),
                Set.of(promised.unit())));
      } else if (!partial.delivered().isLessThan(promised)) {
        report(new DeliveryNotPartial(partial.commitmentId(), partial.delivered(), promised));
      }
    } else if (outcome instanceof CommitmentFulfilled fulfilled && fulfilled.delivered() != null) {
      Quantity promised = commitment.quantity;
      if (fulfilled.delivered().unit() != promised.unit()) {
        report(
            new UnitDoesNotFit(
                "the delivery on commitment " + fulfilled.commitmentId(),
                fulfilled.delivered().unit(),
                Set.of(promised.unit())));
      } else if (fulfilled.delivered().isLessThan(promised)) {
        report(new DeliveryBelowPromise(fulfilled.commitmentId(), fulfilled.delivered(), promised));
      }
    } else if (outcome instanceof CommitmentRenewed renewal) {
      if (commitments.containsKey(renewal.renewalId())) {
        report(new IdentifierAlreadyUsed("commitment", renewal.renewalId().value()));
        return;
      }
      requireActive(commitment.organisation, "the renewal of commitment " + outcome.commitmentId());
      requireUnitFits(commitment.type, renewal.quantity());
      commitments.put(
          renewal.renewalId(),
          new CommitmentState(commitment.organisation, commitment.type, renewal.quantity()));
    }
    commitment.outcome = outcomeName(outcome);
    commitment.settledOn = outcome.occurredOn();
  }

  private void requireUnitFits(CommitmentType type, Quantity quantity) {
    if (!type.units().contains(quantity.unit())) {
      report(new UnitDoesNotFit("a " + type + " commitment", quantity.unit(), type.units()));
    }
  }

  private static String outcomeName(CommitmentOutcome outcome) {
    if (outcome instanceof CommitmentFulfilled) {
      return "fulfilled";
    } else if (outcome instanceof CommitmentPartiallyFulfilled) {
      return "partially fulfilled";
    } else if (outcome instanceof CommitmentBroken) {
      return "broken";
    } else if (outcome instanceof CommitmentWithdrawn) {
      return "withdrawn";
    }
    return "renewed";
  }

  // Funding

  private void fundingAwarded(FundingAwarded award) {
    if (fundings.containsKey(award.fundingId())) {
      report(new IdentifierAlreadyUsed("funding", award.fundingId().value()));
      return;
    }
    if (award.instrument() != null && award.fundingType() != FundingType.SUBSIDY) {
      report(new InstrumentWithoutSubsidy(award.fundingId(), award.fundingType()));
    }
    fundings.put(award.fundingId(), new FundingState(award.amount()));
  }

  private void fundingChanged(FundingChange change) {
    FundingState funding = subject(fundings, change.fundingId(), "funding");
    if (funding == null) {
      return;
    }
    if (change instanceof FundingDisbursed disbursement) {
      Money total = funding.disbursed.plus(disbursement.amount());
      if (funding.awarded != null && total.exceeds(funding.awarded)) {
        report(new FundingExceeded(change.fundingId(), "disbursements", total, funding.awarded));
      } else {
        funding.disbursed = total;
      }
    } else if (change instanceof FundingClawedBack clawback) {
      Money total = funding.clawedBack.plus(clawback.amount());
      if (funding.awarded != null && total.exceeds(funding.awarded)) {
        report(new FundingExceeded(change.fundingId(), "claw-backs", total, funding.awarded));
      } else {
        funding.clawedBack = total;
      }
    } else if (change instanceof FundingEnded) {
      if (funding.endedOn != null) {
        report(new FundingAlreadyEnded(change.fundingId(), funding.endedOn));
      } else {
        funding.endedOn = change.occurredOn();
      }
    } else if (change instanceof FundingRenewed renewal) {
      if (funding.renewal != null) {
        report(new AlreadyRenewed("funding", change.fundingId().value(), funding.renewal.value()));
      } else if (fundings.containsKey(renewal.renewalId())) {
        report(new IdentifierAlreadyUsed("funding", renewal.renewalId().value()));
      } else {
        funding.renewal = renewal.renewalId();
        fundings.put(renewal.renewalId(), new FundingState(renewal.amount()));
      }
    }
  }

  // Activities and cohorts

  private void activityStarted(ActivityStarted activity) {
    if (activities.containsKey(activity.activityId())) {
      report(new IdentifierAlreadyUsed("activity", activity.activityId().value()));
      return;
    }
    activities.put(activity.activityId(), new ActivityState());
  }

  private void activityEnded(ActivityEnded ended) {
    ActivityState activity = subject(activities, ended.activityId(), "activity");
    if (activity == null) {
      return;
    }
    if (activity.endedOn != null) {
      report(new ActivityAlreadyEnded(ended.activityId(), activity.endedOn));
      return;
    }
    activity.endedOn = ended.occurredOn();
  }

  private void cohortEnrolled(CohortEnrolled cohort) {
    if (cohorts.containsKey(cohort.cohortId())) {
      report(new IdentifierAlreadyUsed("cohort", cohort.cohortId().value()));
      return;
    }
    if (cohort.activityId() != null) {
      subject(activities, cohort.activityId(), "activity");
    }
    cohorts.put(cohort.cohortId(), new CohortState(cohort.participants()));
  }

  private void cohortChanged(CohortChange change) {
    CohortState cohort = subject(cohorts, change.cohortId(), "cohort");
    if (cohort == null) {
      return;
    }
    int outcomes = cohort.outcomes + change.participants();
    if (outcomes > cohort.enrolled) {
      report(new CohortOutcomesExceedEnrolment(change.cohortId(), outcomes, cohort.enrolled));
      return;
    }
    cohort.outcomes = outcomes;
  }

  // Key persons

  private void keyPersonAssigned(KeyPersonAssigned person) {
    if (keyPersons.containsKey(person.keyPersonId())) {
      report(new IdentifierAlreadyUsed("key person", person.keyPersonId().value()));
      return;
    }
    if (person.organisationId() != null) {
      requireActive(person.organisationId(), "key person " + person.keyPersonId());
    }
    keyPersons.put(person.keyPersonId(), new KeyPersonState());
  }

  private void keyPersonLeft(KeyPersonLeft left) {
    KeyPersonState person = subject(keyPersons, left.keyPersonId(), "key person");
    if (person == null) {
      return;
    }
    if (person.leftOn != null) {
      report(new KeyPersonAlreadyLeft(left.keyPersonId(), "left", person.leftOn));
      return;
    }
    person.leftOn = left.occurredOn();
  }

  private void keyPersonSucceeded(KeyPersonSucceeded succession) {
    if (succession.keyPersonId().equals(succession.successorId())) {
      report(
          new InvalidSuccession(
              "key person " + succession.keyPersonId() + " cannot succeed themselves"));
      return;
    }
    KeyPersonState predecessor = subject(keyPersons, succession.keyPersonId(), "key person");
    KeyPersonState successor = subject(keyPersons, succession.successorId(), "key person");
    if (predecessor == null || successor == null) {
      return;
    }
    if (predecessor.succeededOn != null) {
      report(
          new KeyPersonAlreadyLeft(
              succession.keyPersonId(), "was succeeded", predecessor.succeededOn));
      return;
    }
    predecessor.succeededOn = succession.occurredOn();
  }

  // Governance

  private void governanceEstablished(GovernanceEstablished established) {
    if (governance != null) {
      report(
          new GovernanceConflict(
              "governance was already established on %s; record a change instead"
                  .formatted(governance.occurredOn())));
      return;
    }
    governance = established;
    governanceForm = established.form();
    governanceName = established.entityName();
  }

  private void governanceChanged(GovernanceChanged change) {
    if (governance == null) {
      report(
          new GovernanceConflict(
              "no governance was established by %s; record its establishment first"
                  .formatted(change.occurredOn())));
      return;
    }
    if (change.form() == governanceForm && Objects.equals(change.entityName(), governanceName)) {
      report(
          new GovernanceConflict(
              "governance is already %s%s"
                  .formatted(governanceForm, governanceName == null ? "" : " " + governanceName)));
      return;
    }
    governanceForm = change.form();
    governanceName = change.entityName();
  }

  // Shared

  private void checkNotInFuture(PartnershipFact fact) {
    DomainRuleViolation problem = Violation.ifInFuture(fact.occurredOn(), fact.recorded());
    if (problem != null) {
      report(problem);
    }
  }

  /** Records where each commitment, funding, activity, cohort and key person first appears. */
  private void defineSubjects(PartnershipFact fact) {
    if (fact instanceof CommitmentRecorded c) {
      define("commitment", c.commitmentId().value(), fact);
    } else if (fact instanceof CommitmentRenewed c) {
      define("commitment", c.renewalId().value(), fact);
    } else if (fact instanceof FundingAwarded f) {
      define("funding", f.fundingId().value(), fact);
    } else if (fact instanceof FundingRenewed f) {
      define("funding", f.renewalId().value(), fact);
    } else if (fact instanceof ActivityStarted a) {
      define("activity", a.activityId().value(), fact);
    } else if (fact instanceof CohortEnrolled c) {
      define("cohort", c.cohortId().value(), fact);
    } else if (fact instanceof KeyPersonAssigned k) {
      define("key person", k.keyPersonId().value(), fact);
    }
  }

  private void define(String kind, String id, PartnershipFact fact) {
    subjects.putIfAbsent(kind + ":" + id, fact.occurredOn());
  }

  /**
   * The subject a fact is about, or null after reporting that the history has no such subject, or
   * not yet at the fact's date.
   */
  private <K, S> S subject(Map<K, S> known, K id, String kind) {
    S subject = known.get(id);
    if (subject == null) {
      FactDate defined = subjects.get(kind + ":" + id);
      report(
          defined == null
              ? new UnknownReference(kind, id.toString())
              : new DatedBeforeItsSubject(
                  what(current), kind, id.toString(), current.occurredOn(), defined));
    }
    return subject;
  }

  private void report(DomainRuleViolation problem) {
    violations.add(new Violation(current.factId(), problem));
  }

  private static String what(PartnershipFact fact) {
    return "fact " + fact.factId() + " (" + fact.getClass().getSimpleName() + ")";
  }

  private record Participation(PartnerRole role, FactDate joinedOn) {}

  private static final class CommitmentState {
    final OrganisationId organisation;
    final CommitmentType type;
    final Quantity quantity;
    String outcome;
    FactDate settledOn;

    CommitmentState(OrganisationId organisation, CommitmentType type, Quantity quantity) {
      this.organisation = organisation;
      this.type = type;
      this.quantity = quantity;
    }
  }

  private static final class FundingState {
    /** Null when no source gives the amount: then nothing caps disbursements and claw-backs. */
    final Money awarded;

    Money disbursed = Money.euros(0);
    Money clawedBack = Money.euros(0);
    FactDate endedOn;
    FundingId renewal;

    FundingState(Money awarded) {
      this.awarded = awarded;
    }
  }

  private static final class ActivityState {
    FactDate endedOn;
  }

  private static final class CohortState {
    final int enrolled;
    int outcomes;

    CohortState(int enrolled) {
      this.enrolled = enrolled;
    }
  }

  private static final class KeyPersonState {
    FactDate leftOn;
    FactDate succeededOn;
  }
}
