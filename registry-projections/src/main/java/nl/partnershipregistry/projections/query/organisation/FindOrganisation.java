package nl.partnershipregistry.projections.query.organisation;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.organisation.OrganisationId;

/**
 * Who is this organisation? Its names over time, type, groups and merger up to {@code asOf}, and
 * the partnerships it has taken part in, with role and since and until when. Answered with an
 * {@code Optional<OrganisationProfile>}, empty for an organisation the registry does not know and
 * that was never a partner.
 */
public record FindOrganisation(OrganisationId organisationId, LocalDate asOf, Instant asKnownOn) {

  public FindOrganisation {
    Require.present(organisationId, "organisationId");
  }
}
