package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactId;

/** A command that records one fact about an organisation. */
public interface OrganisationCommand {

  OrganisationId organisationId();

  FactId factId();

  /** The fact this command proposes, exactly as it would be stored. */
  OrganisationFact toFact();
}
