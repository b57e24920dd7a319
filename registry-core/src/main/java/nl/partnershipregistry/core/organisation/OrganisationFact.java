package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;

/** A dated, sourced fact about an organisation. */
public sealed interface OrganisationFact
    permits OrganisationRegistered,
        OrganisationRenamed,
        OrganisationJoinedGroup,
        OrganisationLeftGroup,
        OrganisationMerged {

  OrganisationId organisationId();

  FactId factId();

  FactDate occurredOn();

  SourceCitation source();

  Recording recorded();
}
