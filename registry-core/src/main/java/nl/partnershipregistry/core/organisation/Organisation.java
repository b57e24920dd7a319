package nl.partnershipregistry.core.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import nl.partnershipregistry.core.common.ContradictsRecordedFact;
import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactIdAlreadyUsed;
import nl.partnershipregistry.core.common.SameFact;
import nl.partnershipregistry.core.common.Violation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * An organisation that takes part in partnerships: its names over time, the group it belongs to (a
 * group's dependence counts as one) and its merger into another.
 *
 * <p>Like a partnership, it takes facts in any order and judges each against its whole history on
 * the fact's own date: a fact dated before the organisation is known to exist, or after it merged
 * away, is refused.
 */
public class Organisation {

  private static final Comparator<OrganisationFact> TIMELINE = OrganisationFact.TIMELINE_ORDER;

  @AggregateIdentifier private OrganisationId organisationId;

  private final List<OrganisationFact> facts = new ArrayList<>();

  /** For Axon, which rebuilds the aggregate from its events. */
  protected Organisation() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RegisterOrganisation command) {
    if (organisationId != null && !isRepeated(command.toFact())) {
      throw new OrganisationAlreadyRegistered(command.organisationId());
    }
    record(command);
  }

  @CommandHandler
  public void handle(RenameOrganisation command) {
    record(command);
  }

  @CommandHandler
  public void handle(JoinGroup command) {
    record(command);
  }

  @CommandHandler
  public void handle(LeaveGroup command) {
    record(command);
  }

  @CommandHandler
  public void handle(MergeOrganisation command) {
    record(command);
  }

  @EventSourcingHandler
  void on(OrganisationFact fact) {
    organisationId = fact.organisationId();
    facts.add(fact);
  }

  private void record(OrganisationCommand command) {
    OrganisationFact fact = command.toFact();
    if (isRepeated(fact)) {
      return;
    }
    List<OrganisationFact> after = new ArrayList<>(facts);
    after.add(fact);
    Violation.requireNoneNew(
        violations(facts), violations(after), fact.factId(), ContradictsRecordedFact::new);
    apply(fact);
  }

  private boolean isRepeated(OrganisationFact fact) {
    for (OrganisationFact earlier : facts) {
      if (earlier.factId().equals(fact.factId())) {
        if (!SameFact.as(earlier, fact)) {
          throw new FactIdAlreadyUsed(fact.factId());
        }
        return true;
      }
    }
    return false;
  }

  /** Walks the facts in timeline order and lists each that contradicts those before it. */
  private static List<Violation> violations(List<OrganisationFact> recorded) {
    List<OrganisationFact> timeline = new ArrayList<>(recorded);
    timeline.sort(TIMELINE);
    List<Violation> violations = new ArrayList<>();
    OrganisationRegistered registration = null;
    String name = null;
    OrganisationId group = null;
    OrganisationMerged merger = null;
    for (OrganisationFact fact : timeline) {
      List<DomainRuleViolation> problems = new ArrayList<>();
      problems.add(Violation.ifInFuture(fact.occurredOn(), fact.recorded()));
      OrganisationId self = fact.organisationId();
      if (merger != null) {
        problems.add(new OrganisationMergedAway(self, merger.intoId(), merger.occurredOn()));
      } else if (fact instanceof OrganisationRegistered registered) {
        registration = registered;
        name = registered.name();
        boolean isSchool = registered.organisationType() == OrganisationType.SCHOOL;
        if (isSchool != (registered.schoolLevel() != null)) {
          problems.add(new SchoolLevelMismatch(registered.organisationType()));
        }
      } else if (registration == null) {
        problems.add(new FactBeforeOrganisationKnown(fact.occurredOn(), self, knownFrom(recorded)));
      } else if (fact instanceof OrganisationRenamed renamed) {
        if (renamed.name().equals(name)) {
          problems.add(new NameUnchanged(self, name));
        }
        name = renamed.name();
      } else if (fact instanceof OrganisationJoinedGroup joined) {
        if (joined.groupId().equals(self)) {
          problems.add(new GroupConflict("an organisation cannot be a member of its own group"));
        } else if (group != null) {
          problems.add(
              new GroupConflict(
                  "%s already belongs to group %s on %s; record that it left first"
                      .formatted(self, group, fact.occurredOn())));
        } else {
          group = joined.groupId();
        }
      } else if (fact instanceof OrganisationLeftGroup left) {
        if (!left.groupId().equals(group)) {
          problems.add(
              new GroupConflict(
                  "%s does not belong to group %s on %s"
                      .formatted(self, left.groupId(), fact.occurredOn())));
        } else {
          group = null;
        }
      } else if (fact instanceof OrganisationMerged merged) {
        if (merged.intoId().equals(self)) {
          problems.add(new GroupConflict("an organisation cannot merge into itself"));
        } else {
          merger = merged;
        }
      }
      problems.stream()
          .filter(Objects::nonNull)
          .forEach(problem -> violations.add(new Violation(fact.factId(), problem)));
    }
    return violations;
  }

  private static FactDate knownFrom(List<OrganisationFact> facts) {
    return facts.stream()
        .filter(OrganisationRegistered.class::isInstance)
        .map(OrganisationFact::occurredOn)
        .findFirst()
        .orElse(null);
  }
}
