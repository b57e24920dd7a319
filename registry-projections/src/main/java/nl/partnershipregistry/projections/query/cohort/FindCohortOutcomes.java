package nl.partnershipregistry.projections.query.cohort;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * How many enrolled, dropped out and graduated, per cohort and in all? Answered with an {@code
 * Optional<CohortOutcomes>}.
 */
public record FindCohortOutcomes(PartnershipId partnershipId, LocalDate asOf, Instant asKnownOn) {

  public FindCohortOutcomes {
    Require.present(partnershipId, "partnershipId");
  }
}
