package nl.partnershipregistry.projections.query.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import nl.partnershipregistry.projections.query.common.Finding;

/**
 * A partnership's funding per calendar year. Each funding known on {@code asOf} counts its amount
 * less claw-backs, spread over its period by days; an open-ended funding runs until it was ended,
 * or else until {@code asOf}. Own revenue is member fees, tuition, contract revenue and
 * applied-research revenue. Shares are fractions of the year's total, to four decimals.
 *
 * <p>Funding whose amount no source gives is listed per year it is in force ({@code withoutAmount})
 * and counts in no total or share: the shares then describe only the money whose amount is known
 * (and are null when no amount in the year is known), and the subsidy share's bounds say how far
 * the unknown amounts could move it.
 */
public record FundingMix(
    PartnershipId partnershipId,
    LocalDate asOf,
    Instant asKnownOn,
    List<Year> years,
    Trend ownRevenueTrend,
    List<SubsidyCliff> subsidyCliffs) {

  /** One calendar year. */
  public record Year(
      int year,
      BigDecimal total,
      Map<FundingType, BigDecimal> amountByType,
      Map<FundingType, BigDecimal> shareByType,
      BigDecimal subsidyShare,
      BigDecimal ownRevenueShare,
      BigDecimal coFinancingShare,
      BigDecimal inKindShare,
      List<WithoutAmount> withoutAmount,
      BigDecimal subsidyShareAtLeast,
      BigDecimal subsidyShareAtMost,
      List<FactId> factIds) {

    /** Whether every funding in force in the year has a known amount. */
    public boolean complete() {
      return withoutAmount.isEmpty();
    }
  }

  /** A funding in force in a year whose amount no source gives. */
  public record WithoutAmount(
      FundingId fundingId, FundingType type, SubsidyInstrument instrument, String funder) {}

  /**
   * A large subsidy that ends within 12 months after {@code asOf} with no replacement: it carries
   * at least a quarter of the yearly funding in force with a known amount, it was not renewed, and
   * no other funding in force the day after it ends brings at least half its yearly amount. A
   * subsidy whose amount no source gives may be large: it is a cliff when it was not renewed and no
   * other funding at all is in force the day after it ends; its {@code amount} and {@code
   * shareOfFundingInForce} are then null. {@code warning} says it in English, {@code finding} the
   * same as a text's key and arguments.
   */
  public record SubsidyCliff(
      FundingId fundingId,
      SubsidyInstrument instrument,
      String funder,
      Money amount,
      LocalDate endsOn,
      BigDecimal shareOfFundingInForce,
      String warning,
      Finding finding,
      List<FactId> factIds) {}

  /**
   * How the own-revenue share moved from two years before {@code asOf}'s year to that year: up or
   * down by more than five percentage points, or neither; unknown without funding in both years or
   * when either year holds funding whose amount no source gives.
   */
  public enum Trend {
    RISING,
    STABLE,
    FALLING,
    UNKNOWN
  }
}
