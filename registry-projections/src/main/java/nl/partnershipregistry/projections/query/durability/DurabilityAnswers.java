package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.common.Findings;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.time.TimeSlice;

/**
 * Judges the durability conditions of one partnership on a date, each by its own class ({@link
 * DurabilityCondition}), and holds what they share: the thresholds, how an indicator is made from a
 * finding, shares and concentration indices.
 */
public final class DurabilityAnswers {

  static final BigDecimal HALF = new BigDecimal("0.5");
  static final BigDecimal DELIVERY_THRESHOLD = new BigDecimal("0.75");
  static final int MINIMUM_KEY_PERSONS = 3;

  private DurabilityAnswers() {}

  /** Every condition of {@link DurabilityCondition#ALL}, judged on the partnership, and a count. */
  public static DurabilityIndicators indicators(
      PartnershipId id,
      TimeSlice slice,
      PartnershipHistory history,
      PartnershipAsOf partnership,
      OrganisationDirectory organisations) {
    Judged judged = new Judged(id, slice, history, partnership, organisations);
    List<Indicator> indicators =
        DurabilityCondition.ALL.stream().map(condition -> condition.judge(judged)).toList();
    Map<Verdict, Long> counts =
        indicators.stream()
            .collect(
                Collectors.groupingBy(
                    Indicator::verdict, () -> new EnumMap<>(Verdict.class), Collectors.counting()));
    int holding = counts.getOrDefault(HOLDS, 0L).intValue();
    int atRisk = counts.getOrDefault(AT_RISK, 0L).intValue();
    int unknown = counts.getOrDefault(UNKNOWN, 0L).intValue();
    return new DurabilityIndicators(
        id,
        slice.asOf(),
        slice.asKnownOn(),
        indicators,
        holding,
        atRisk,
        unknown,
        "%d of %d conditions hold, %d at risk, %d unknown for lack of data"
            .formatted(holding, indicators.size(), atRisk, unknown));
  }

  /** The condition judged: its English value is said from its finding, so the two agree. */
  static Indicator indicator(
      Condition condition,
      Finding finding,
      String rule,
      Verdict verdict,
      Collection<FactId> facts) {
    return new Indicator(
        condition,
        condition.question(),
        Findings.english(finding),
        finding,
        rule,
        verdict,
        List.copyOf(new LinkedHashSet<>(facts)));
  }

  /** What was found on a condition: the text {@code finding.<condition>.<variant>}. */
  static Finding finding(Condition condition, String variant, Object... arguments) {
    return Finding.of("finding." + condition.name() + "." + variant, arguments);
  }

  /** A number with its noun: {@code 1 key person}, {@code 2 key persons}. */
  static Finding count(long n, String one, String many) {
    return Findings.count(n, one, many);
  }

  record Share(OrganisationId group, long count, BigDecimal share) {}

  /** An amount with its exactness: "26", "about 26", "at least 26". */
  static Finding amount(BigDecimal amount, Exactness exactness) {
    return Finding.of("finding.amount." + exactness, amount.stripTrailingZeros());
  }

  static Share largest(Map<OrganisationId, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(
            e ->
                new Share(
                    e.getKey(),
                    e.getValue(),
                    FundingAnswers.share(
                        BigDecimal.valueOf(e.getValue()), BigDecimal.valueOf(total))))
        .orElse(new Share(null, 0, BigDecimal.ZERO));
  }

  /** The Herfindahl-Hirschman index of amounts, as {@link #hhi} of counts. */
  static BigDecimal hhiOf(java.util.Collection<BigDecimal> amounts) {
    BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal sum = BigDecimal.ZERO;
    if (total.signum() == 0) {
      return BigDecimal.ZERO;
    }
    for (BigDecimal amount : amounts) {
      BigDecimal share = amount.divide(total, 8, RoundingMode.HALF_EVEN);
      sum = sum.add(share.multiply(share));
    }
    return sum.setScale(4, RoundingMode.HALF_EVEN);
  }

  /** Herfindahl-Hirschman index: the sum of the squared shares, from 1/n (spread) to 1 (one). */
  static BigDecimal hhi(Map<?, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (long count : counts.values()) {
      BigDecimal share =
          BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 8, RoundingMode.HALF_EVEN);
      sum = sum.add(share.multiply(share));
    }
    return sum.setScale(4, RoundingMode.HALF_EVEN);
  }

  static String percent(BigDecimal share) {
    return new Finding.Percent(share).english();
  }
}
