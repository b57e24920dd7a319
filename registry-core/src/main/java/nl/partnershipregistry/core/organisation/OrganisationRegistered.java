package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;

/**
 * Emitted when an organisation enters the registry; occurredOn is the earliest date the sources
 * know it existed.
 */
public record OrganisationRegistered(
    OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    String name,
    OrganisationType organisationType,
    SchoolLevel schoolLevel,
    SourceCitation source,
    Recording recorded)
    implements OrganisationFact {}
