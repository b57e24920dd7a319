package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when an active partner took another role. */
public record PartnerRoleChanged(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId organisationId,
    PartnerRole role,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
