package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;

/** Emitted when an organisation merged into another and ceased to exist on its own. */
public record OrganisationMerged(
    OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId intoId,
    SourceCitation source,
    Recording recorded)
    implements OrganisationFact {}
