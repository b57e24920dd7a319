package nl.partnershipregistry.projections.query.dossier;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * What a funder needs to decide on renewing a subsidy, as the registry knew it on the decision date
 * {@code asKnownOn} (default now). {@code asOf} defaults to the day of the decision in the
 * registry's calendar, not to today. Answered with an {@code Optional<RenewalDossier>}.
 */
public record FindRenewalDossier(PartnershipId partnershipId, LocalDate asOf, Instant asKnownOn) {

  public FindRenewalDossier {
    Require.present(partnershipId, "partnershipId");
  }
}
