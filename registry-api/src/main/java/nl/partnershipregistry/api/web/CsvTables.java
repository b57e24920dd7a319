package nl.partnershipregistry.api.web;

import java.util.Map;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.timeline.Timeline;

/**
 * The answers that are tables, as CSV for spreadsheets: one row per fact, year, line, indicator.
 */
final class CsvTables {

  private CsvTables() {}

  static String timeline(Timeline timeline) {
    Csv csv =
        new Csv(
            "occurredOn",
            "type",
            "factId",
            "source",
            "passage",
            "recordedAt",
            "recordedBy",
            "corrections",
            "retracted");
    for (Timeline.Entry entry : timeline.entries()) {
      csv.row(row(entry, false));
    }
    for (Timeline.Entry entry : timeline.retracted()) {
      csv.row(row(entry, true));
    }
    return csv.toString();
  }

  private static Object[] row(Timeline.Entry entry, boolean retracted) {
    return new Object[] {
      entry.occurredOn(),
      entry.type(),
      entry.factId(),
      entry.source() == null ? null : entry.source().document(),
      entry.source() == null ? null : entry.source().passage(),
      entry.recordedAt(),
      entry.recordedBy(),
      entry.amendments().stream()
          .filter(a -> a.kind() == Timeline.AmendmentKind.CORRECTION)
          .map(a -> a.factId() + ": " + a.reason())
          .toList(),
      retracted
    };
  }

  static String funding(FundingMix mix) {
    Csv csv =
        new Csv(
            "year",
            "fundingType",
            "amount",
            "share",
            "total",
            "subsidyShare",
            "fundingWithoutAmount",
            "facts");
    for (FundingMix.Year year : mix.years()) {
      for (Map.Entry<FundingType, java.math.BigDecimal> amount : year.amountByType().entrySet()) {
        csv.row(
            year.year(),
            amount.getKey(),
            amount.getValue(),
            year.shareByType().get(amount.getKey()),
            year.total(),
            year.subsidyShare(),
            null,
            year.factIds());
      }
      for (FundingMix.WithoutAmount unknown : year.withoutAmount()) {
        csv.row(
            year.year(),
            unknown.type(),
            null,
            null,
            year.total(),
            year.subsidyShare(),
            unknown.fundingId().value(),
            year.factIds());
      }
    }
    return csv.toString();
  }

  /**
   * The columns of one commitment, after those that say whose it is; an amount's exactness ({@code
   * EXACT}, {@code APPROXIMATE}, {@code AT_LEAST}) follows it, so that "about 50" is never read as
   * 50.
   */
  static final String[] COMMITMENT_COLUMNS = {
    "commitmentId",
    "type",
    "promised",
    "promisedExactness",
    "unit",
    "from",
    "until",
    "status",
    "delivered",
    "deliveredExactness",
    "settledOn",
    "explanation",
    "facts"
  };

  /** The cells of {@link #COMMITMENT_COLUMNS} for one commitment. */
  static Object[] commitmentCells(CommitmentLedger.Line line) {
    return new Object[] {
      line.commitmentId(),
      line.type(),
      line.promised() == null ? null : line.promised().amount(),
      line.promised() == null ? null : line.promised().exactness(),
      line.promised() == null ? null : line.promised().unit(),
      line.period() == null ? null : line.period().from(),
      line.period() == null ? null : line.period().until(),
      line.status(),
      line.delivered() == null ? null : line.delivered().amount(),
      line.delivered() == null ? null : line.delivered().exactness(),
      line.settledOn(),
      line.explanation(),
      line.factIds()
    };
  }

  /** The columns that say whose a row is, then {@code rest}. */
  static String[] columns(String[] rest, String... first) {
    String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  /** The cells that say whose a row is, then {@code rest}. */
  static Object[] cells(Object[] rest, Object... first) {
    Object[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  static String commitments(CommitmentLedger ledger) {
    Csv csv = new Csv(columns(COMMITMENT_COLUMNS, "organisationId", "partner"));
    for (CommitmentLedger.PartnerLedger partner : ledger.partners()) {
      for (CommitmentLedger.Line line : partner.commitments()) {
        csv.row(cells(commitmentCells(line), partner.organisationId(), partner.name()));
      }
    }
    return csv.toString();
  }

  static String durability(DurabilityIndicators indicators) {
    Csv csv = new Csv("condition", "question", "value", "verdict", "rule", "supportingFacts");
    for (DurabilityIndicators.Indicator indicator : indicators.indicators()) {
      csv.row(
          indicator.condition(),
          indicator.question(),
          indicator.value(),
          indicator.verdict(),
          indicator.rule(),
          indicator.supportingFacts());
    }
    return csv.toString();
  }
}
