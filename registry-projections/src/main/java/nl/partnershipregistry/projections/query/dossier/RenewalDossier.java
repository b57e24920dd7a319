package nl.partnershipregistry.projections.query.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.common.Findings;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.timeline.Timeline;

/**
 * A funder's renewal dossier for one partnership, as known on the decision date: per partner what
 * was promised and delivered, every subsidy and what became of the partnership 12 and 24 months
 * after it ended, the dependency flags, open warnings, and the durability indicators behind them;
 * {@code evidence} are the facts all of these rest on, as the timeline of the decision date holds
 * them (with source, who recorded them when, and their corrections), in valid-time order.
 */
public record RenewalDossier(
    PartnershipId partnershipId,
    String name,
    LocalDate asOf,
    Instant asKnownOn,
    Phase phase,
    List<CommitmentLedger.PartnerLedger> partners,
    List<SubsidyPeriod> subsidies,
    List<DependencyFlag> dependencyFlags,
    List<Warning> openWarnings,
    DurabilityIndicators durability,
    List<Timeline.Entry> evidence) {

  /**
   * A subsidy: {@code endedOn} is null while it runs, and is the first day its end may stand for;
   * {@code endedOnAsDated} is that end as its source dates it, with its precision (the ending's
   * date or the period's last month or year). The phases after 12 and 24 months are null until
   * those dates have passed, and for a renewed subsidy, whose renewal carries on.
   */
  public record SubsidyPeriod(
      FundingId fundingId,
      SubsidyInstrument instrument,
      String funder,
      Money amount,
      DateRange period,
      LocalDate endedOn,
      FactDate endedOnAsDated,
      FundingId renewedAs,
      Phase after12Months,
      Phase after24Months,
      List<FactId> factIds) {}

  /**
   * A dependence a funder asks about; raised when its durability condition is at risk. {@code
   * explanation} is the condition's English value, {@code finding} the same as a text's key and
   * arguments.
   */
  public record DependencyFlag(
      DurabilityIndicators.Condition condition,
      boolean raised,
      String explanation,
      Finding finding,
      List<FactId> supportingFacts) {}

  /**
   * Something open on the decision date that a funder should look into: {@code message} says it in
   * English, {@code finding} the same as a text's key and arguments.
   */
  public record Warning(WarningKind kind, String message, Finding finding, List<FactId> factIds) {

    static Warning of(WarningKind kind, Finding finding, List<FactId> factIds) {
      return new Warning(kind, Findings.english(finding), finding, factIds);
    }
  }

  /** What a warning is about. */
  public enum WarningKind {
    SUBSIDY_CLIFF,
    COMMITMENT_OVERDUE,
    COMMITMENT_NOT_KEPT,
    CONDITION_AT_RISK
  }
}
