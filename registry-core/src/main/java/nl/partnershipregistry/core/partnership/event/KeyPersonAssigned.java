package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when a person of an active partner took a key role, with or without mandate: {@code
 * withMandate} true or false as the source says, null where it says nothing of a mandate.
 */
public record KeyPersonAssigned(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    KeyPersonId keyPersonId,
    String name,
    KeyPersonRole keyPersonRole,
    OrganisationId organisationId,
    Boolean withMandate,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
