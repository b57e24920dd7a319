package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.MINIMUM_KEY_PERSONS;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.count;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;

/**
 * Does it hang on one or two persons: the key persons active, pioneers gone and roles left vacant.
 */
public final class KeyPersonDependenceCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.KEY_PERSON_DEPENDENCE;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    String rule =
        "at risk when fewer than "
            + MINIMUM_KEY_PERSONS
            + " key persons are active, when a pioneer left without a successor, or when a key"
            + " role is vacant since its holder left without a successor; holds otherwise; unknown"
            + " when no key person is recorded";
    Collection<PartnershipAsOf.KeyPerson> persons = partnership.keyPersons();
    if (persons.isEmpty()) {
      return indicator(
          Condition.KEY_PERSON_DEPENDENCE,
          finding(Condition.KEY_PERSON_DEPENDENCE, "noKeyPersons"),
          rule,
          UNKNOWN,
          List.of());
    }
    List<PartnershipAsOf.KeyPerson> active =
        persons.stream().filter(PartnershipAsOf.KeyPerson::isActive).toList();
    Set<KeyPersonRole> heldRoles = new LinkedHashSet<>();
    active.forEach(p -> heldRoles.add(p.assigned().keyPersonRole()));
    List<PartnershipAsOf.KeyPerson> leftAlone =
        persons.stream().filter(p -> p.left() != null && p.successorId() == null).toList();
    boolean pioneerGone =
        leftAlone.stream().anyMatch(p -> p.assigned().keyPersonRole() == KeyPersonRole.PIONEER);
    List<KeyPersonRole> vacant =
        leftAlone.stream()
            .map(p -> p.assigned().keyPersonRole())
            .filter(role -> !heldRoles.contains(role))
            .distinct()
            .toList();
    List<FactId> facts = new ArrayList<>();
    active.forEach(p -> facts.add(p.assigned().factId()));
    leftAlone.forEach(p -> facts.addAll(p.factIds()));
    boolean atRisk = active.size() < MINIMUM_KEY_PERSONS || pioneerGone || !vacant.isEmpty();
    return indicator(
        Condition.KEY_PERSON_DEPENDENCE,
        finding(
            Condition.KEY_PERSON_DEPENDENCE,
            "persons",
            count(active.size(), "keyPerson", "keyPersons"),
            leftAlone.size(),
            pioneerGone ? finding(Condition.KEY_PERSON_DEPENDENCE, "pioneerGone") : "",
            vacant.isEmpty()
                ? ""
                : finding(
                    Condition.KEY_PERSON_DEPENDENCE, "vacant", Finding.Joined.of(", ", vacant))),
        rule,
        atRisk ? AT_RISK : HOLDS,
        facts);
  }
}
