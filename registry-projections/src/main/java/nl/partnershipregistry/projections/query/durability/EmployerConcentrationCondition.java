package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.HALF;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.amount;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.hhi;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.hhiOf;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.largest;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityAnswers.Share;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;

/**
 * Does it hang on one employer: the largest employer group's share of the employer partners and of
 * their commitments, with what the commitments promise per unit beside.
 */
public final class EmployerConcentrationCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.EMPLOYER_CONCENTRATION;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    OrganisationDirectory organisations = judged.organisations();
    String rule =
        "at risk when one employer group has more than half of the active employer partners or"
            + " of the employer commitments not withdrawn; holds otherwise; unknown without"
            + " employer partners (what the commitments promise per unit is shown beside the"
            + " counts)";
    EmployerConcentration concentration = EmployerConcentration.of(partnership, organisations);
    List<PartnershipAsOf.Participation> employers = concentration.employers();
    List<PartnershipAsOf.Commitment> commitments = concentration.commitments();
    if (employers.isEmpty() && commitments.isEmpty()) {
      return indicator(
          Condition.EMPLOYER_CONCENTRATION,
          finding(Condition.EMPLOYER_CONCENTRATION, "noEmployers"),
          rule,
          UNKNOWN,
          List.of());
    }
    Map<OrganisationId, Long> partnersByGroup = concentration.partnersByGroup();
    Map<OrganisationId, Long> commitmentsByGroup = concentration.commitmentsByGroup();
    Share partners = largest(partnersByGroup);
    Share promised = largest(commitmentsByGroup);
    // What the commitments promise, per unit and group, shown beside the counts: one group
    // promising 30 of 40 places is 75 % of the volume, whatever the number of commitments it took.
    // Not part of the verdict: a unit only one employer promises in would always be "all of it".
    Map<Unit, Map<OrganisationId, BigDecimal>> volumes = concentration.volumes();
    // How exact each group's and each unit's volume is: as exact as its least exact promise.
    Map<Unit, Map<OrganisationId, Exactness>> groupExactness = new EnumMap<>(Unit.class);
    Map<Unit, Exactness> unitExactness = new EnumMap<>(Unit.class);
    commitments.stream()
        .filter(c -> !(c.outcome() instanceof CommitmentRenewed))
        .forEach(
            c -> {
              Unit unit = c.quantity().unit();
              groupExactness
                  .computeIfAbsent(unit, u -> new LinkedHashMap<>())
                  .merge(
                      organisations.dependencyUnit(c.organisationId()),
                      c.quantity().exactness(),
                      Exactness::and);
              unitExactness.merge(unit, c.quantity().exactness(), Exactness::and);
            });
    List<Finding> byVolume = new ArrayList<>();
    for (Map.Entry<Unit, Map<OrganisationId, BigDecimal>> unit : volumes.entrySet()) {
      BigDecimal total = unit.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (total.signum() == 0) {
        continue;
      }
      Map.Entry<OrganisationId, BigDecimal> top =
          unit.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      BigDecimal share = FundingAnswers.share(top.getValue(), total);
      byVolume.add(
          finding(
              Condition.EMPLOYER_CONCENTRATION,
              "volume",
              organisations.nameOf(top.getKey()),
              amount(
                  top.getValue(),
                  groupExactness
                      .getOrDefault(unit.getKey(), Map.of())
                      .getOrDefault(top.getKey(), Exactness.EXACT)),
              amount(total, unitExactness.getOrDefault(unit.getKey(), Exactness.EXACT)),
              unit.getKey(),
              new Finding.Percent(share),
              hhiOf(unit.getValue().values())));
    }
    boolean concentrated =
        partners.share().compareTo(HALF) > 0 || promised.share().compareTo(HALF) > 0;
    List<FactId> facts = new ArrayList<>();
    employers.forEach(p -> facts.addAll(p.factIds()));
    commitments.forEach(c -> facts.add(c.factId()));
    return indicator(
        Condition.EMPLOYER_CONCENTRATION,
        finding(
            Condition.EMPLOYER_CONCENTRATION,
            "groups",
            partners.group() == null
                ? organisations.nameOf(promised.group())
                : organisations.nameOf(partners.group()),
            partners.count(),
            employers.size(),
            new Finding.Percent(partners.share()),
            promised.count(),
            commitments.size(),
            new Finding.Percent(promised.share()),
            hhi(partnersByGroup),
            hhi(commitmentsByGroup),
            byVolume.isEmpty()
                ? ""
                : finding(
                    Condition.EMPLOYER_CONCENTRATION,
                    "byVolume",
                    Finding.Joined.of(", ", byVolume))),
        rule,
        concentrated ? AT_RISK : HOLDS,
        facts);
  }
}
