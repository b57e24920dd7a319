package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when an active partner promised something for a period. */
public record CommitmentRecorded(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    OrganisationId organisationId,
    CommitmentType commitmentType,
    Quantity quantity,
    DateRange period,
    String description,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
