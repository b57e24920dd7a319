package nl.partnershipregistry.projections.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.time.TimeSlice;

/**
 * What changed in what the registry knew about a partnership between two moments of its knowledge:
 * which facts were added, corrected or retracted after {@code from} up to {@code to}, and which
 * durability verdicts on {@code asOf} changed with them. {@code to} defaults to now, {@code from}
 * to a year before {@code to}, {@code asOf} to today. Answered with an {@code
 * Optional<KnowledgeChanges>}, empty when the registry knew nothing of the partnership at {@code
 * to}.
 */
public record FindKnowledgeChanges(
    PartnershipId partnershipId, LocalDate asOf, Instant from, Instant to) {

  public FindKnowledgeChanges {
    Require.present(partnershipId, "partnershipId");
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidValue("from", "must not be after to");
    }
  }

  /**
   * The earlier moment when none is given: a year before {@code to}, in the registry's calendar.
   */
  public static Instant defaultFrom(Instant to) {
    return to.atZone(TimeSlice.REGISTRY_ZONE).minusYears(1).toInstant();
  }
}
