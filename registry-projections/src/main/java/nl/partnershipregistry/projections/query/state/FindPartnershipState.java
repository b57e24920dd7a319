package nl.partnershipregistry.projections.query.state;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * How did the partnership stand on {@code asOf}, as the registry knew it on {@code asKnownOn}? Both
 * are optional: today and now. Answered with an {@code Optional<PartnershipState>}, empty for a
 * partnership the registry did not know then.
 */
public record FindPartnershipState(PartnershipId partnershipId, LocalDate asOf, Instant asKnownOn) {

  public FindPartnershipState {
    Require.present(partnershipId, "partnershipId");
  }
}
