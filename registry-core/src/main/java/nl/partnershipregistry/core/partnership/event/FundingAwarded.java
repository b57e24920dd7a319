package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;

/**
 * Emitted when money was awarded or agreed: a subsidy (with its instrument), co-financing, fees,
 * tuition, revenue or in-kind value. {@code amount} is null when no source gives it.
 */
public record FundingAwarded(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    FundingId fundingId,
    FundingType fundingType,
    SubsidyInstrument instrument,
    String funder,
    OrganisationId funderId,
    Money amount,
    DateRange period,
    String conditions,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
