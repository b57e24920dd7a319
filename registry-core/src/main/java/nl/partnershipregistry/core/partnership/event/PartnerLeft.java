package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when an active partner left the partnership. */
public record PartnerLeft(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId organisationId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
