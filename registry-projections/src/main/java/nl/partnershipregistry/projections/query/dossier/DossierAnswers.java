package nl.partnershipregistry.projections.query.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityAnswers;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict;
import nl.partnershipregistry.projections.query.durability.SurvivedSubsidyCondition;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.LedgerAnswers;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds a {@link RenewalDossier}. */
public final class DossierAnswers {

  private static final Set<Condition> DEPENDENCIES =
      EnumSet.of(
          Condition.SUBSIDY_DEPENDENCE,
          Condition.EMPLOYER_CONCENTRATION,
          Condition.KEY_PERSON_DEPENDENCE);

  private DossierAnswers() {}

  public static RenewalDossier dossier(
      PartnershipId id,
      TimeSlice slice,
      PartnershipHistory history,
      PartnershipAsOf partnership,
      OrganisationDirectory organisations,
      Timeline timeline) {
    LocalDate asOf = slice.asOf();
    CommitmentLedger ledger = LedgerAnswers.ledger(id, slice, partnership, organisations);
    DurabilityIndicators durability =
        DurabilityAnswers.indicators(id, slice, history, partnership, organisations);
    Map<FundingId, SurvivedSubsidyCondition.SubsidyAftermath> aftermaths =
        SurvivedSubsidyCondition.aftermaths(history, partnership, asOf).stream()
            .collect(Collectors.toMap(a -> a.subsidy().fundingId(), Function.identity()));
    List<RenewalDossier.SubsidyPeriod> subsidies = new ArrayList<>();
    for (PartnershipAsOf.Funding funding : partnership.fundings()) {
      if (funding.type() != FundingType.SUBSIDY) {
        continue;
      }
      SurvivedSubsidyCondition.SubsidyAftermath after = aftermaths.get(funding.fundingId());
      LocalDate ended = funding.lastDay().filter(d -> d.isBefore(asOf)).orElse(null);
      subsidies.add(
          new RenewalDossier.SubsidyPeriod(
              funding.fundingId(),
              funding.instrument(),
              funding.funder(),
              funding.amount(),
              funding.period(),
              ended,
              ended == null
                  ? null
                  : funding.endedOn() != null && !funding.endedOn().countsFrom().isAfter(ended)
                      ? funding.endedOn()
                      : funding.period().until(),
              funding.renewedAs(),
              after == null ? null : after.after12Months(),
              after == null ? null : after.after24Months(),
              after == null ? funding.factIds() : after.factIds()));
    }
    List<RenewalDossier.DependencyFlag> flags = new ArrayList<>();
    List<RenewalDossier.Warning> warnings = new ArrayList<>();
    for (DurabilityIndicators.Indicator indicator : durability.indicators()) {
      if (DEPENDENCIES.contains(indicator.condition())) {
        flags.add(
            new RenewalDossier.DependencyFlag(
                indicator.condition(),
                indicator.verdict() == Verdict.AT_RISK,
                indicator.value(),
                indicator.finding(),
                indicator.supportingFacts()));
      } else if (indicator.verdict() == Verdict.AT_RISK) {
        warnings.add(
            RenewalDossier.Warning.of(
                RenewalDossier.WarningKind.CONDITION_AT_RISK,
                Finding.of(
                    "finding.CONDITION_AT_RISK.condition",
                    indicator.condition(),
                    indicator.finding()),
                indicator.supportingFacts()));
      }
    }
    for (FundingMix.SubsidyCliff cliff : FundingAnswers.cliffs(partnership, asOf)) {
      warnings.add(
          new RenewalDossier.Warning(
              RenewalDossier.WarningKind.SUBSIDY_CLIFF,
              cliff.warning(),
              cliff.finding(),
              cliff.factIds()));
    }
    for (PartnershipAsOf.Commitment commitment : partnership.commitments()) {
      if (!commitment.isSettled()
          && commitment.period().until() != null
          && commitment.period().until().lastDay().isBefore(asOf)) {
        warnings.add(
            RenewalDossier.Warning.of(
                RenewalDossier.WarningKind.COMMITMENT_OVERDUE,
                Finding.of(
                    "finding.COMMITMENT_OVERDUE.commitment",
                    commitment.commitmentId().value(),
                    organisations.nameOf(commitment.organisationId()),
                    commitment.quantity(),
                    commitment.type(),
                    commitment.period().until()),
                commitment.factIds()));
      }
      CommitmentLedger.Status status = LedgerAnswers.status(commitment.outcome());
      if ((status == CommitmentLedger.Status.BROKEN || status == CommitmentLedger.Status.WITHDRAWN)
          && !commitment.outcome().occurredOn().countsFrom().isBefore(asOf.minusMonths(24))) {
        warnings.add(
            RenewalDossier.Warning.of(
                RenewalDossier.WarningKind.COMMITMENT_NOT_KEPT,
                Finding.of(
                    "finding.COMMITMENT_NOT_KEPT." + status.name().toLowerCase(Locale.ROOT),
                    commitment.commitmentId().value(),
                    organisations.nameOf(commitment.organisationId()),
                    commitment.outcome().occurredOn()),
                commitment.factIds()));
      }
    }
    return new RenewalDossier(
        id,
        partnership.name(),
        asOf,
        slice.asKnownOn(),
        partnership.phase(),
        ledger.partners(),
        subsidies,
        flags,
        warnings,
        durability,
        evidence(timeline, ledger, subsidies, warnings, durability));
  }

  /** The timeline's entries for every fact the dossier names, in the timeline's order. */
  private static List<Timeline.Entry> evidence(
      Timeline timeline,
      CommitmentLedger ledger,
      List<RenewalDossier.SubsidyPeriod> subsidies,
      List<RenewalDossier.Warning> warnings,
      DurabilityIndicators durability) {
    Set<FactId> named = new HashSet<>();
    ledger.partners().forEach(p -> p.commitments().forEach(line -> named.addAll(line.factIds())));
    subsidies.forEach(s -> named.addAll(s.factIds()));
    warnings.forEach(w -> named.addAll(w.factIds()));
    durability.indicators().forEach(i -> named.addAll(i.supportingFacts()));
    return timeline.entries().stream().filter(e -> named.contains(e.factId())).toList();
  }
}
