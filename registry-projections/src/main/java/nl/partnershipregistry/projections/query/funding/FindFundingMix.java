package nl.partnershipregistry.projections.query.funding;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * What carries the partnership, year by year: the amounts and shares of each funding type, spread
 * pro rata over each funding's period, and the subsidy cliffs ahead of {@code asOf}. Answered with
 * an {@code Optional<FundingMix>}.
 */
public record FindFundingMix(PartnershipId partnershipId, LocalDate asOf, Instant asKnownOn) {

  public FindFundingMix {
    Require.present(partnershipId, "partnershipId");
  }
}
