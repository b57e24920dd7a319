package nl.partnershipregistry.core.partnership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.Violation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;

/**
 * What the policies find while a history is checked: the rules broken by the fact at hand, and what
 * the policies may need to know of the whole timeline to say so (when the partnership was
 * registered, where each commitment, funding, activity, cohort and key person is first defined).
 */
final class Breaches {

  private final List<Violation> violations = new ArrayList<>();
  private final Map<String, FactDate> definedOn = new HashMap<>();
  private FactDate registeredOn;
  private boolean startKnown = true;
  private PartnershipFact current;
  private List<FactKinds.Condition> currentNeeds = List.of();
  private int reportedBefore;

  Breaches(List<PartnershipFact> timeline) {
    for (PartnershipFact fact : timeline) {
      if (fact instanceof PartnershipRegistered registration) {
        registeredOn = registration.occurredOn();
        startKnown = registration.startKnown();
      }
      for (FactKinds.Condition defined : FactKinds.identifiedBy(fact)) {
        definedOn.putIfAbsent(defined.name(), fact.occurredOn());
      }
    }
  }

  /** The fact the next reports are about, and what its kind needs where it stands. */
  void judge(PartnershipFact fact, List<FactKinds.Condition> needs) {
    current = fact;
    currentNeeds = needs;
    reportedBefore = violations.size();
  }

  /** What the fact at hand needs, from the table of fact kinds ({@link FactKinds#needs}). */
  List<FactKinds.Condition> needs() {
    return currentNeeds;
  }

  /** Whether the fact at hand broke no rule. */
  boolean noneForCurrent() {
    return violations.size() == reportedBefore;
  }

  List<Violation> violations() {
    return violations;
  }

  void report(DomainRuleViolation problem) {
    violations.add(new Violation(current.factId(), problem));
  }

  /** The fact at hand, named for a message. */
  String what() {
    return "fact " + current.factId() + " (" + current.getClass().getSimpleName() + ")";
  }

  FactDate registeredOn() {
    return registeredOn;
  }

  boolean startKnown() {
    return startKnown;
  }

  /**
   * Reports, when the commitment, funding, activity, cohort or key person the fact at hand needs is
   * not in the state before it, that the history has no such subject, or not yet at the fact's
   * date.
   */
  void requireDefined(boolean found, FactKinds.Condition need) {
    if (!found) {
      FactDate defined = definedOn.get(need.name());
      report(
          defined == null
              ? new UnknownReference(need.subject().label, need.id())
              : new DatedBeforeItsSubject(
                  what(), need.subject().label, need.id(), current.occurredOn(), defined));
    }
  }

  /** Reports, when the organisation is not an active partner before the fact at hand, so. */
  void requireActive(PartnershipAsOf before, OrganisationId organisation, String what) {
    if (before.activeParticipation(organisation) == null) {
      report(
          new PartnerNotActive(what, organisation, current.partnershipId(), current.occurredOn()));
    }
  }
}
