package nl.partnershipregistry.projections.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.organisation.OrganisationId;

/**
 * Does this organisation deliver, across all partnerships? Its group counts as one: the commitments
 * of every organisation in the same group on {@code asOf} (and of those merged into it) are
 * included. Answered with an {@code Optional<TrackRecord>}, empty for an organisation the registry
 * does not know and that was never a partner.
 */
public record FindTrackRecord(OrganisationId organisationId, LocalDate asOf, Instant asKnownOn) {

  public FindTrackRecord {
    Require.present(organisationId, "organisationId");
  }
}
