package nl.partnershipregistry.projections.query.durability;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;

/**
 * How the employer side of a partnership spreads over employer groups on a date: the active
 * employer partners and the employer commitments not withdrawn, each counted in the group it
 * depends on ({@link OrganisationDirectory#dependencyUnit}), and per unit what those commitments
 * promise (a renewed one left out: its renewal counts). The durability answer judges it ({@link
 * DurabilityAnswers}, employer concentration); the panel shows the same figures.
 */
public record EmployerConcentration(
    List<PartnershipAsOf.Participation> employers,
    List<PartnershipAsOf.Commitment> commitments,
    Map<OrganisationId, Long> partnersByGroup,
    Map<OrganisationId, Long> commitmentsByGroup,
    Map<Unit, Map<OrganisationId, BigDecimal>> volumes) {

  public static EmployerConcentration of(
      PartnershipAsOf partnership, OrganisationDirectory organisations) {
    List<PartnershipAsOf.Participation> employers = activeEmployers(partnership, organisations);
    List<PartnershipAsOf.Commitment> commitments =
        employerCommitments(partnership, organisations).stream()
            .filter(c -> !(c.outcome() instanceof CommitmentWithdrawn))
            .toList();
    Map<OrganisationId, Long> partnersByGroup = new LinkedHashMap<>();
    employers.forEach(
        p ->
            partnersByGroup.merge(organisations.dependencyUnit(p.organisationId()), 1L, Long::sum));
    Map<OrganisationId, Long> commitmentsByGroup = new LinkedHashMap<>();
    commitments.forEach(
        c ->
            commitmentsByGroup.merge(
                organisations.dependencyUnit(c.organisationId()), 1L, Long::sum));
    Map<Unit, Map<OrganisationId, BigDecimal>> volumes = new EnumMap<>(Unit.class);
    commitments.stream()
        .filter(c -> !(c.outcome() instanceof CommitmentRenewed))
        .forEach(
            c ->
                volumes
                    .computeIfAbsent(c.quantity().unit(), u -> new LinkedHashMap<>())
                    .merge(
                        organisations.dependencyUnit(c.organisationId()),
                        c.quantity().amount(),
                        BigDecimal::add));
    return new EmployerConcentration(
        employers, commitments, partnersByGroup, commitmentsByGroup, volumes);
  }

  static List<PartnershipAsOf.Participation> activeEmployers(
      PartnershipAsOf partnership, OrganisationDirectory organisations) {
    return partnership.activePartners().stream()
        .filter(p -> organisations.isEmployer(p.organisationId()))
        .toList();
  }

  static List<PartnershipAsOf.Commitment> employerCommitments(
      PartnershipAsOf partnership, OrganisationDirectory organisations) {
    return partnership.commitments().stream()
        .filter(c -> organisations.isEmployer(c.organisationId()))
        .toList();
  }

  /** The largest group's share of the active employer partners; empty without any. */
  public Optional<BigDecimal> largestShareOfPartners() {
    return partnersByGroup.isEmpty()
        ? Optional.empty()
        : Optional.of(DurabilityAnswers.largest(partnersByGroup).share());
  }

  /** The HHI of the active employer partners over groups; empty without any. */
  public Optional<BigDecimal> partnersHhi() {
    return partnersByGroup.isEmpty()
        ? Optional.empty()
        : Optional.of(DurabilityAnswers.hhi(partnersByGroup));
  }

  /** The largest group's share of the employer commitments; empty without any. */
  public Optional<BigDecimal> largestShareOfCommitments() {
    return commitmentsByGroup.isEmpty()
        ? Optional.empty()
        : Optional.of(DurabilityAnswers.largest(commitmentsByGroup).share());
  }

  /** The HHI of the employer commitments over groups; empty without any. */
  public Optional<BigDecimal> commitmentsHhi() {
    return commitmentsByGroup.isEmpty()
        ? Optional.empty()
        : Optional.of(DurabilityAnswers.hhi(commitmentsByGroup));
  }

  /**
   * The largest group's share of what the employer commitments promise in a unit; empty when
   * nothing is promised in it.
   */
  public Optional<BigDecimal> largestShareOfVolume(Unit unit) {
    Map<OrganisationId, BigDecimal> byGroup = volumes.getOrDefault(unit, Map.of());
    BigDecimal total = byGroup.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        FundingAnswers.share(
            byGroup.values().stream().max(BigDecimal::compareTo).orElseThrow(), total));
  }

  /** The HHI of what the employer commitments promise in a unit; empty when nothing is. */
  public Optional<BigDecimal> volumeHhi(Unit unit) {
    return largestShareOfVolume(unit).map(s -> DurabilityAnswers.hhiOf(volumes.get(unit).values()));
  }
}
