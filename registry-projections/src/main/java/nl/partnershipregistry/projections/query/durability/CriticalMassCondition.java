package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.count;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;

/** Is there enough mass: active schools and employers, two of each for a technohub. */
public final class CriticalMassCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.CRITICAL_MASS;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    OrganisationDirectory organisations = judged.organisations();
    boolean technohub = partnership.kind() == PartnershipKind.TECHNOHUB;
    int schoolsNeeded = technohub ? 2 : 1;
    int employersNeeded = technohub ? 2 : 1;
    String rule =
        "holds with at least %d active school%s and %d active employer%s%s; at risk with fewer; unknown when no partner of known type is recorded"
            .formatted(
                schoolsNeeded,
                schoolsNeeded == 1 ? "" : "s",
                employersNeeded,
                employersNeeded == 1 ? "" : "s",
                technohub ? " (technohub)" : "");
    List<PartnershipAsOf.Participation> active = partnership.activePartners();
    long schools = active.stream().filter(p -> organisations.isSchool(p.organisationId())).count();
    long employers =
        active.stream().filter(p -> organisations.isEmployer(p.organisationId())).count();
    long known =
        partnership.participations().stream()
            .filter(p -> organisations.typeOf(p.organisationId()).isPresent())
            .count();
    List<FactId> facts = new ArrayList<>();
    active.forEach(p -> facts.addAll(p.factIds()));
    if (known == 0) {
      return indicator(
          Condition.CRITICAL_MASS,
          finding(Condition.CRITICAL_MASS, "noKnownPartners"),
          rule,
          UNKNOWN,
          facts);
    }
    return indicator(
        Condition.CRITICAL_MASS,
        finding(
            Condition.CRITICAL_MASS,
            "partners",
            count(active.size(), "activePartner", "activePartners"),
            count(schools, "school", "schools"),
            count(employers, "employer", "employers"),
            count(active.size() - schools - employers, "other", "others")),
        rule,
        schools >= schoolsNeeded && employers >= employersNeeded ? HOLDS : AT_RISK,
        facts);
  }
}
