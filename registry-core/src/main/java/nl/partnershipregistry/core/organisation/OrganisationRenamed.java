package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;

/** Emitted when an organisation took another name. */
public record OrganisationRenamed(
    OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    String name,
    SourceCitation source,
    Recording recorded)
    implements OrganisationFact {}
