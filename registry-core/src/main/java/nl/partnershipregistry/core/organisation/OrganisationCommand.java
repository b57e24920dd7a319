package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactId;

/**
 * A command that records one fact about an organisation. Sealed, so that every such command is
 * known where the commands are listed for the edges.
 */
public sealed interface OrganisationCommand
    permits RegisterOrganisation, RenameOrganisation, JoinGroup, LeaveGroup, MergeOrganisation {

  OrganisationId organisationId();

  FactId factId();

  /** The fact this command proposes, exactly as it would be stored. */
  OrganisationFact toFact();
}
