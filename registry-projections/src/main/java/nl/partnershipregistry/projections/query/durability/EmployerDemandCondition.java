package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.count;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict;

/**
 * Is there real demand from companies: active employer partners and their recent or running
 * commitments.
 */
public final class EmployerDemandCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.EMPLOYER_DEMAND;
  }

  @Override
  public Indicator judge(Judged judged) {
    LocalDate asOf = judged.asOf();
    PartnershipAsOf partnership = judged.partnership();
    OrganisationDirectory organisations = judged.organisations();
    String rule =
        "holds when at least one employer is an active partner and at least one employer"
            + " commitment is in force or was made in the 24 months before the date; at risk"
            + " otherwise; unknown when no partner is recorded";
    if (partnership.participations().isEmpty()) {
      return indicator(
          Condition.EMPLOYER_DEMAND,
          finding(Condition.EMPLOYER_DEMAND, "noPartners"),
          rule,
          UNKNOWN,
          List.of());
    }
    List<PartnershipAsOf.Participation> employers =
        EmployerConcentration.activeEmployers(partnership, organisations);
    List<PartnershipAsOf.Commitment> commitments =
        EmployerConcentration.employerCommitments(partnership, organisations);
    long inForce = commitments.stream().filter(c -> c.isInForce(asOf)).count();
    long recent =
        commitments.stream()
            .filter(c -> !c.promisedOn().countsFrom().isBefore(asOf.minusMonths(24)))
            .count();
    List<FactId> facts = new ArrayList<>();
    employers.forEach(p -> facts.addAll(p.factIds()));
    commitments.forEach(c -> facts.add(c.factId()));
    Verdict verdict = !employers.isEmpty() && (inForce > 0 || recent > 0) ? HOLDS : AT_RISK;
    return indicator(
        Condition.EMPLOYER_DEMAND,
        finding(
            Condition.EMPLOYER_DEMAND,
            "employers",
            count(employers.size(), "employerPartner", "employerPartners"),
            count(commitments.size(), "employerCommitment", "employerCommitments"),
            inForce,
            recent,
            asOf),
        rule,
        verdict,
        facts);
  }
}
