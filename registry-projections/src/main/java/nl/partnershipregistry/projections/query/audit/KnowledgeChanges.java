package nl.partnershipregistry.projections.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.timeline.Timeline;

/**
 * What the registry learnt about a partnership between two moments of its knowledge, {@code from}
 * and {@code to}: the difference between its timelines at the two moments and between its
 * durability indicators on {@code asOf} as known at each. {@code knownAtFrom} is false when the
 * registry knew nothing of the partnership at {@code from}; then every fact is added and every
 * verdict is new ({@code durabilityAtFrom} is null). {@code durabilityAtFrom} and {@code
 * durabilityAtTo} count the verdicts of the durability answer at each moment.
 */
public record KnowledgeChanges(
    PartnershipId partnershipId,
    String name,
    LocalDate asOf,
    Instant from,
    Instant to,
    boolean knownAtFrom,
    List<FactChange> facts,
    List<VerdictChange> verdicts,
    VerdictCounts durabilityAtFrom,
    VerdictCounts durabilityAtTo) {

  /**
   * How many conditions hold, are at risk and are unknown, as the durability answer counts them.
   */
  public record VerdictCounts(
      int conditions, int holding, int atRisk, int unknown, String summary) {

    static VerdictCounts of(DurabilityIndicators durability) {
      return new VerdictCounts(
          durability.indicators().size(),
          durability.holding(),
          durability.atRisk(),
          durability.unknown(),
          durability.summary());
    }
  }

  /**
   * One fact whose knowledge changed: {@code before} is its timeline entry at {@code from} (null
   * when it was not recorded yet), {@code after} its entry at {@code to} (among the retracted ones
   * once retracted), {@code amendments} the corrections and retractions recorded after {@code from}
   * up to {@code to}, in recording order. Listed in the order the changes were recorded.
   */
  public record FactChange(
      FactId factId,
      String type,
      Change change,
      Timeline.Entry before,
      Timeline.Entry after,
      List<Timeline.Amendment> amendments) {}

  /** What happened to a fact's knowledge between the two moments. */
  public enum Change {
    /** Recorded after {@code from} and held at {@code to}. */
    ADDED,
    /** Held at both moments, and corrected in between. */
    CORRECTED,
    /** Held at {@code from}, retracted by {@code to}. */
    RETRACTED,
    /** Recorded after {@code from} and retracted by {@code to}. */
    ADDED_AND_RETRACTED
  }

  /**
   * A durability condition whose verdict or finding differs: {@code before} as judged with the
   * knowledge of {@code from} (null when the partnership was not known then), {@code after} with
   * that of {@code to}; {@code becauseOf} the changed facts either judgement rests on.
   */
  public record VerdictChange(
      DurabilityIndicators.Condition condition,
      String question,
      boolean verdictChanged,
      DurabilityIndicators.Indicator before,
      DurabilityIndicators.Indicator after,
      List<FactId> becauseOf) {}
}
