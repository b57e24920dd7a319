package nl.partnershipregistry.projections.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Who promised what in the partnership, and did they deliver? Per partner: every commitment with
 * its outcome and date, and a fulfilment rate. Answered with an {@code Optional<CommitmentLedger>}.
 */
public record FindCommitmentLedger(PartnershipId partnershipId, LocalDate asOf, Instant asKnownOn) {

  public FindCommitmentLedger {
    Require.present(partnershipId, "partnershipId");
  }
}
