package nl.partnershipregistry.projections.query.audit;

import java.time.Instant;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Who recorded what in the partnership's history, and which facts were corrected or retracted and
 * why, as the registry held it on {@code asKnownOn} (default now). It is about recording, not about
 * the world, so it takes no valid date. Answered with an {@code Optional<AuditTrail>}.
 */
public record FindAuditTrail(PartnershipId partnershipId, Instant asKnownOn) {

  public FindAuditTrail {
    Require.present(partnershipId, "partnershipId");
  }
}
