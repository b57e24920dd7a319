package nl.partnershipregistry.core.partnership;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Violation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.FactKinds.Condition;
import nl.partnershipregistry.core.partnership.FactKinds.Subject;
import nl.partnershipregistry.core.partnership.PartnershipAsOf.Commitment;
import nl.partnershipregistry.core.partnership.PartnershipAsOf.Funding;
import nl.partnershipregistry.core.partnership.PartnershipAsOf.KeyPerson;
import nl.partnershipregistry.core.partnership.PartnershipAsOf.Participation;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.CohortChange;
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
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * The rules of a partnership's history, each a named policy: what a fact must find in the
 * partnership as it stood just before it, in the fold every question reads ({@link
 * PartnershipAsOf}). {@link HistoryCheck} checks every policy of {@link #ALL}, in that order, for
 * each fact of the timeline, and applies the fact to the fold only when it breaks none: the facts
 * after a fact that breaks a rule are judged as if it were not there, as a refused command's fact
 * never is.
 *
 * <p>A policy reports what it finds through {@link Breaches}; it never changes the state.
 */
final class PartnershipPolicies {

  /** One rule: reports how {@code fact} breaks it, given the partnership just before the fact. */
  @FunctionalInterface
  interface Policy {
    void check(PartnershipFact fact, PartnershipAsOf before, Breaches out);
  }

  /** A rule about one type of fact. */
  @FunctionalInterface
  private interface Rule<F extends PartnershipFact> {
    void check(F fact, PartnershipAsOf before, Breaches out);
  }

  // Every fact

  /** A fact is not dated after the day it was recorded. */
  static final Policy NOT_DATED_IN_FUTURE =
      (fact, before, out) -> {
        DomainRuleViolation problem = Violation.ifInFuture(fact.occurredOn(), fact.recorded());
        if (problem != null) {
          out.report(problem);
        }
      };

  /** Every fact but the registration follows it. */
  static final Policy AFTER_REGISTRATION =
      (fact, before, out) -> {
        if (!before.hasStarted() && !(fact instanceof PartnershipRegistered)) {
          out.report(
              new FactBeforePartnershipStart(
                  out.what(),
                  fact.partnershipId(),
                  fact.occurredOn(),
                  out.registeredOn(),
                  out.startKnown()));
        }
      };

  /** Nothing new starts after a discontinuation without a revival ({@link FactKinds}). */
  static final Policy ONLY_WHILE_RUNNING =
      (fact, before, out) -> {
        if (before.hasStarted()
            && before.discontinuation().isPresent()
            && !FactKinds.mayFollowDiscontinuation(fact)) {
          out.report(
              new PartnershipNotRunning(
                  out.what(),
                  fact.partnershipId(),
                  fact.occurredOn(),
                  before.discontinuation().get().occurredOn()));
        }
      };

  // The lifecycle

  /** A partnership is registered in a phase a source can give, never discontinued or unknown. */
  static final Policy REGISTERED_IN_SETTABLE_PHASE =
      on(
          PartnershipRegistered.class,
          (registration, before, out) -> {
            if (registration.phase() == Phase.DISCONTINUED
                || registration.phase() == Phase.UNKNOWN) {
              out.report(new PhaseNotSettable(registration.phase()));
            }
          });

  static final Policy NOT_OWN_PREDECESSOR =
      on(
          PartnershipRegistered.class,
          (registration, before, out) -> {
            if (registration.partnershipId().equals(registration.predecessor())) {
              out.report(new InvalidSuccession("a partnership cannot be its own predecessor"));
            }
          });

  /**
   * A phase change never discontinues (that is a discontinuation) nor makes the phase unknown, and
   * sets INITIATED only while the phase is unknown.
   */
  static final Policy PHASE_SETTABLE =
      on(
          PhaseChanged.class,
          (change, before, out) -> {
            if (!settable(change.phase(), before.phase())) {
              out.report(new PhaseNotSettable(change.phase()));
            }
          });

  /** A phase change changes the phase. */
  static final Policy PHASE_CHANGES =
      on(
          PhaseChanged.class,
          (change, before, out) -> {
            if (change.phase() == before.phase() && settable(change.phase(), before.phase())) {
              out.report(
                  new AlreadyInPhase(
                      change.partnershipId(),
                      before.phase(),
                      before.currentPhase().orElseThrow().since()));
            }
          });

  /** A discontinuation for another reason says which. */
  static final Policy DISCONTINUATION_EXPLAINED =
      on(
          PartnershipDiscontinued.class,
          (discontinuation, before, out) -> {
            if (discontinuation.reason() == DiscontinuationReason.OTHER
                && discontinuation.explanation() == null) {
              out.report(new DiscontinuationUnexplained(discontinuation.partnershipId()));
            }
          });

  static final Policy NOT_OWN_SUCCESSOR =
      on(
          PartnershipDiscontinued.class,
          (discontinuation, before, out) -> {
            if (discontinuation.partnershipId().equals(discontinuation.successor())) {
              out.report(new InvalidSuccession("a partnership cannot be its own successor"));
            }
          });

  static final Policy DISCONTINUED_ONCE =
      on(
          PartnershipDiscontinued.class,
          (discontinuation, before, out) -> {
            if (before.discontinuation().isPresent()) {
              out.report(
                  new PartnershipAlreadyDiscontinued(
                      discontinuation.partnershipId(),
                      before.discontinuation().get().occurredOn()));
            }
          });

  /** A revival brings the partnership into a phase of running, not back to its start. */
  static final Policy REVIVED_IN_SETTABLE_PHASE =
      on(
          PartnershipRevived.class,
          (revival, before, out) -> {
            if (revival.phase() == Phase.INITIATED
                || revival.phase() == Phase.DISCONTINUED
                || revival.phase() == Phase.UNKNOWN) {
              out.report(new PhaseNotSettable(revival.phase()));
            }
          });

  static final Policy REVIVED_AFTER_DISCONTINUATION =
      on(
          PartnershipRevived.class,
          (revival, before, out) -> {
            if (before.discontinuation().isEmpty()) {
              out.report(
                  new PartnershipNotDiscontinued(revival.partnershipId(), revival.occurredOn()));
            }
          });

  // Identifiers and references

  /**
   * A new commitment, funding, activity, cohort or key person has an identifier of its own (which
   * one a fact defines, the table of fact kinds says); a renewal's is checked after what it renews.
   */
  static final Policy IDENTIFIER_UNUSED =
      (fact, before, out) -> {
        if (!isRenewal(fact)) {
          requireUnused(fact, before, out);
        }
      };

  /** Only subsidies come from a subsidy instrument. */
  static final Policy INSTRUMENT_ONLY_FOR_SUBSIDY =
      on(
          FundingAwarded.class,
          (award, before, out) -> {
            if (award.instrument() != null && award.fundingType() != FundingType.SUBSIDY) {
              out.report(new InstrumentWithoutSubsidy(award.fundingId(), award.fundingType()));
            }
          });

  static final Policy NO_SELF_SUCCESSION =
      on(
          KeyPersonSucceeded.class,
          (succession, before, out) -> {
            if (succession.keyPersonId().equals(succession.successorId())) {
              out.report(
                  new InvalidSuccession(
                      "key person " + succession.keyPersonId() + " cannot succeed themselves"));
            }
          });

  /**
   * A fact about a commitment, funding, activity, cohort or key person follows the fact that
   * defines it (which ones, the table of fact kinds says); otherwise it is reported as unknown, or
   * as dated before the fact that defines it.
   */
  static final Policy REFERENCES_DEFINED =
      (fact, before, out) -> {
        for (Condition need : out.needs().stream().distinct().toList()) {
          if (need.subject().identified) {
            out.requireDefined(isDefined(before, need), need);
          }
        }
      };

  // Commitments and funding: settled, renewed and ended once

  static final Policy SETTLED_ONCE =
      on(
          CommitmentOutcome.class,
          (outcome, before, out) -> {
            Commitment commitment = before.commitment(outcome.commitmentId());
            if (commitment != null && commitment.isSettled()) {
              out.report(
                  new CommitmentAlreadySettled(
                      outcome.commitmentId(),
                      outcomeName(commitment.outcome()),
                      commitment.outcome().occurredOn()));
            }
          });

  static final Policy FUNDING_RENEWED_ONCE =
      on(
          FundingRenewed.class,
          (renewal, before, out) -> {
            Funding funding = before.funding(renewal.fundingId());
            if (funding != null && funding.renewedAs() != null) {
              out.report(
                  new AlreadyRenewed(
                      "funding", renewal.fundingId().value(), funding.renewedAs().value()));
            }
          });

  /** A renewal is a commitment or funding of its own, with an identifier of its own. */
  static final Policy RENEWAL_IDENTIFIER_UNUSED =
      (fact, before, out) -> {
        if (isRenewal(fact)) {
          requireUnused(fact, before, out);
        }
      };

  // Partners

  /** An organisation joins only when it is not an active partner (a need of the join's kind). */
  static final Policy PARTNER_JOINS_WHEN_NOT_ACTIVE =
      (fact, before, out) -> {
        for (Condition need : out.needs()) {
          if (need.subject() == Subject.PARTNER && !need.holds()) {
            OrganisationId organisation = OrganisationId.of(need.id());
            Participation active = before.activeParticipation(organisation);
            if (active != null) {
              out.report(
                  new PartnerAlreadyActive(
                      organisation, fact.partnershipId(), fact.occurredOn(), active.joinedOn()));
            }
          }
        }
      };

  /**
   * A partner changes role, leaves, commits, renews a commitment or brings a key person only while
   * active: the partners the table of fact kinds says the fact needs active.
   */
  static final Policy PARTNER_ACTIVE =
      (fact, before, out) -> {
        for (Condition need : out.needs()) {
          if (need.subject() == Subject.PARTNER && need.holds()) {
            out.requireActive(before, OrganisationId.of(need.id()), partnerNeededBy(fact));
          }
        }
      };

  static final Policy ROLE_CHANGES =
      on(
          PartnerRoleChanged.class,
          (change, before, out) -> {
            Participation active = before.activeParticipation(change.organisationId());
            if (active != null && active.role() == change.role()) {
              out.report(new PartnerAlreadyInRole(change.organisationId(), change.role()));
            }
          });

  // What commitments promise and deliver

  /** A commitment, and its renewal, is counted in a unit its type allows. */
  static final Policy COMMITMENT_UNIT_FITS =
      (fact, before, out) -> {
        if (fact instanceof CommitmentRecorded c) {
          requireUnitFits(c.commitmentType(), c.quantity(), out);
        } else if (fact instanceof CommitmentRenewed r) {
          Commitment renewed = before.commitment(r.commitmentId());
          if (renewed != null && !renewed.isSettled()) {
            requireUnitFits(renewed.type(), r.quantity(), out);
          }
        }
      };

  /**
   * A delivery is counted in the promise's unit; a partial one falls short of the promise, a
   * fulfilment does not.
   */
  static final Policy DELIVERY_MATCHES_OUTCOME =
      on(
          CommitmentOutcome.class,
          (outcome, before, out) -> {
            Commitment commitment = before.commitment(outcome.commitmentId());
            if (commitment == null || commitment.isSettled()) {
              return;
            }
            Quantity promised = commitment.quantity();
            if (outcome instanceof CommitmentPartiallyFulfilled partial) {
              if (partial.delivered().unit() != promised.unit()) {
                out.report(deliveryUnit(partial.commitmentId(), partial.delivered(), promised));
              } else if (!partial.delivered().isLessThan(promised)) {
                out.report(
                    new DeliveryNotPartial(partial.commitmentId(), partial.delivered(), promised));
              }
            } else if (outcome instanceof CommitmentFulfilled fulfilled
                && fulfilled.delivered() != null) {
              if (fulfilled.delivered().unit() != promised.unit()) {
                out.report(deliveryUnit(fulfilled.commitmentId(), fulfilled.delivered(), promised));
              } else if (fulfilled.delivered().isLessThan(promised)) {
                out.report(
                    new DeliveryBelowPromise(
                        fulfilled.commitmentId(), fulfilled.delivered(), promised));
              }
            }
          });

  /** Disbursements and claw-backs stay within the amount awarded, when a source gives it. */
  static final Policy WITHIN_AWARD =
      on(
          FundingChange.class,
          (change, before, out) -> {
            Funding funding = before.funding(change.fundingId());
            if (funding == null || funding.amount() == null) {
              return;
            }
            if (change instanceof FundingDisbursed disbursement) {
              var total = funding.disbursed().plus(disbursement.amount());
              if (total.exceeds(funding.amount())) {
                out.report(
                    new FundingExceeded(
                        change.fundingId(), "disbursements", total, funding.amount()));
              }
            } else if (change instanceof FundingClawedBack clawback) {
              var total = funding.clawedBack().plus(clawback.amount());
              if (total.exceeds(funding.amount())) {
                out.report(
                    new FundingExceeded(change.fundingId(), "claw-backs", total, funding.amount()));
              }
            }
          });

  static final Policy FUNDING_ENDED_ONCE =
      on(
          FundingEnded.class,
          (ended, before, out) -> {
            Funding funding = before.funding(ended.fundingId());
            if (funding != null && funding.endedOn() != null) {
              out.report(new FundingAlreadyEnded(ended.fundingId(), funding.endedOn()));
            }
          });

  // Activities, cohorts and key persons

  static final Policy ACTIVITY_ENDED_ONCE =
      on(
          ActivityEnded.class,
          (ended, before, out) -> {
            var activity = before.activity(ended.activityId());
            if (activity != null && !activity.isActive()) {
              out.report(
                  new ActivityAlreadyEnded(ended.activityId(), activity.ended().occurredOn()));
            }
          });

  /** A cohort's drop-outs and graduates together never outnumber its enrolment. */
  static final Policy OUTCOMES_WITHIN_ENROLMENT =
      on(
          CohortChange.class,
          (change, before, out) -> {
            var cohort = before.cohort(change.cohortId());
            if (cohort == null) {
              return;
            }
            int outcomes = cohort.droppedOut() + cohort.graduated() + change.participants();
            int enrolled = cohort.enrolled().participants();
            if (outcomes > enrolled) {
              out.report(new CohortOutcomesExceedEnrolment(change.cohortId(), outcomes, enrolled));
            }
          });

  static final Policy KEY_PERSON_LEAVES_ONCE =
      on(
          KeyPersonLeft.class,
          (left, before, out) -> {
            KeyPerson person = before.keyPerson(left.keyPersonId());
            if (person != null && person.left() != null) {
              out.report(
                  new KeyPersonAlreadyLeft(left.keyPersonId(), "left", person.left().occurredOn()));
            }
          });

  static final Policy KEY_PERSON_SUCCEEDED_ONCE =
      on(
          KeyPersonSucceeded.class,
          (succession, before, out) -> {
            KeyPerson predecessor = before.keyPerson(succession.keyPersonId());
            if (predecessor != null
                && before.keyPerson(succession.successorId()) != null
                && !succession.keyPersonId().equals(succession.successorId())
                && predecessor.succeededOn() != null) {
              out.report(
                  new KeyPersonAlreadyLeft(
                      succession.keyPersonId(), "was succeeded", predecessor.succeededOn()));
            }
          });

  // Governance

  static final Policy GOVERNANCE_ESTABLISHED_ONCE =
      on(
          GovernanceEstablished.class,
          (established, before, out) -> {
            if (before.governance().isPresent()) {
              out.report(
                  new GovernanceConflict(
                      "governance was already established on %s; record a change instead"
                          .formatted(before.governance().get().establishedOn())));
            }
          });

  /**
   * A fact whose kind needs governance established (a change of it) comes after its establishment.
   */
  static final Policy GOVERNANCE_CHANGED_AFTER_ESTABLISHMENT =
      (fact, before, out) -> {
        if (out.needs().stream().anyMatch(need -> need.subject() == Subject.GOVERNANCE)
            && before.governance().isEmpty()) {
          out.report(
              new GovernanceConflict(
                  "no governance was established by %s; record its establishment first"
                      .formatted(fact.occurredOn())));
        }
      };

  static final Policy GOVERNANCE_CHANGES =
      on(
          GovernanceChanged.class,
          (change, before, out) -> {
            PartnershipAsOf.Governance now = before.governance().orElse(null);
            if (now != null
                && change.form() == now.form()
                && Objects.equals(change.entityName(), now.entityName())) {
              out.report(
                  new GovernanceConflict(
                      "governance is already %s%s"
                          .formatted(
                              now.form(), now.entityName() == null ? "" : " " + now.entityName())));
            }
          });

  /**
   * Every policy, in the order a fact's breaches are reported: the first one a command's fact
   * breaks is the answer the registrar gets.
   */
  static final List<Policy> ALL =
      List.of(
          NOT_DATED_IN_FUTURE,
          AFTER_REGISTRATION,
          ONLY_WHILE_RUNNING,
          REGISTERED_IN_SETTABLE_PHASE,
          NOT_OWN_PREDECESSOR,
          PHASE_SETTABLE,
          PHASE_CHANGES,
          DISCONTINUATION_EXPLAINED,
          NOT_OWN_SUCCESSOR,
          DISCONTINUED_ONCE,
          REVIVED_IN_SETTABLE_PHASE,
          REVIVED_AFTER_DISCONTINUATION,
          IDENTIFIER_UNUSED,
          INSTRUMENT_ONLY_FOR_SUBSIDY,
          NO_SELF_SUCCESSION,
          REFERENCES_DEFINED,
          SETTLED_ONCE,
          FUNDING_RENEWED_ONCE,
          RENEWAL_IDENTIFIER_UNUSED,
          PARTNER_JOINS_WHEN_NOT_ACTIVE,
          PARTNER_ACTIVE,
          ROLE_CHANGES,
          COMMITMENT_UNIT_FITS,
          DELIVERY_MATCHES_OUTCOME,
          WITHIN_AWARD,
          FUNDING_ENDED_ONCE,
          ACTIVITY_ENDED_ONCE,
          OUTCOMES_WITHIN_ENROLMENT,
          KEY_PERSON_LEAVES_ONCE,
          KEY_PERSON_SUCCEEDED_ONCE,
          GOVERNANCE_ESTABLISHED_ONCE,
          GOVERNANCE_CHANGED_AFTER_ESTABLISHMENT,
          GOVERNANCE_CHANGES);

  private PartnershipPolicies() {}

  private static <F extends PartnershipFact> Policy on(Class<F> type, Rule<F> rule) {
    return (fact, before, out) -> {
      if (type.isInstance(fact)) {
        rule.check(type.cast(fact), before, out);
      }
    };
  }

  private static boolean isRenewal(PartnershipFact fact) {
    return fact instanceof CommitmentRenewed || fact instanceof FundingRenewed;
  }

  private static void requireUnused(PartnershipFact fact, PartnershipAsOf before, Breaches out) {
    for (Condition defined : FactKinds.identifiedBy(fact)) {
      if (isDefined(before, defined)) {
        out.report(new IdentifierAlreadyUsed(defined.subject().label, defined.id()));
      }
    }
  }

  /** Whether the commitment, funding, activity, cohort or key person is in the state. */
  private static boolean isDefined(PartnershipAsOf before, Condition subject) {
    return switch (subject.subject()) {
      case COMMITMENT -> before.commitment(CommitmentId.of(subject.id())) != null;
      case FUNDING -> before.funding(FundingId.of(subject.id())) != null;
      case ACTIVITY -> before.activity(ActivityId.of(subject.id())) != null;
      case COHORT -> before.cohort(CohortId.of(subject.id())) != null;
      case KEY_PERSON -> before.keyPerson(KeyPersonId.of(subject.id())) != null;
      default -> true;
    };
  }

  /** What needs the partner, in the words of the refusal: "the departure", "commitment c1". */
  private static String partnerNeededBy(PartnershipFact fact) {
    if (fact instanceof PartnerRoleChanged) {
      return "the role change";
    } else if (fact instanceof PartnerLeft) {
      return "the departure";
    } else if (fact instanceof CommitmentRecorded c) {
      return "commitment " + c.commitmentId();
    } else if (fact instanceof CommitmentRenewed r) {
      return "the renewal of commitment " + r.commitmentId();
    } else if (fact instanceof KeyPersonAssigned k) {
      return "key person " + k.keyPersonId();
    }
    return "fact " + fact.factId();
  }

  /** A phase a phase change may set, given the phase before it (null before the start). */
  private static boolean settable(Phase phase, Phase before) {
    return phase != Phase.DISCONTINUED
        && phase != Phase.UNKNOWN
        && (phase != Phase.INITIATED || before == Phase.UNKNOWN);
  }

  private static void requireUnitFits(CommitmentType type, Quantity quantity, Breaches out) {
    if (!type.units().contains(quantity.unit())) {
      out.report(new UnitDoesNotFit("a " + type + " commitment", quantity.unit(), type.units()));
    }
  }

  private static UnitDoesNotFit deliveryUnit(
      Object commitmentId, Quantity delivered, Quantity promised) {
    return new UnitDoesNotFit(
        "the delivery on commitment " + commitmentId, delivered.unit(), Set.of(promised.unit()));
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
}
