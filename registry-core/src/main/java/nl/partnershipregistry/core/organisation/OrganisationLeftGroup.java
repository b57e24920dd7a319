package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;

/** Emitted when an organisation stopped being part of its group. */
public record OrganisationLeftGroup(
    OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId groupId,
    SourceCitation source,
    Recording recorded)
    implements OrganisationFact {}
