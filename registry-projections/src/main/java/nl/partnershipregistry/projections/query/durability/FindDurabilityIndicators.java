package nl.partnershipregistry.projections.query.durability;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Was the partnership durable on {@code asOf}, as the registry knew it on {@code asKnownOn}, and
 * why (not)? One indicator per durability condition, each with its value, the rule that judges it,
 * a verdict and the facts it rests on. Answered with an {@code Optional<DurabilityIndicators>}.
 */
public record FindDurabilityIndicators(
    PartnershipId partnershipId, LocalDate asOf, Instant asKnownOn) {

  public FindDurabilityIndicators {
    Require.present(partnershipId, "partnershipId");
  }
}
