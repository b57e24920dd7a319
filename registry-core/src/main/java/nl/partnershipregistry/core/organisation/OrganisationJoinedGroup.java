package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;

/**
 * Emitted when an organisation became part of a group (HiTecs in Stork); a group's dependence
 * counts as one.
 */
public record OrganisationJoinedGroup(
    OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId groupId,
    SourceCitation source,
    Recording recorded)
    implements OrganisationFact {}
