package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records funding awarded to the partnership. {@code amount} is left out (null) when no source
 * gives it: the funding then counts in the funding mix without a share, and no ceiling holds its
 * disbursements.
 */
@Published(collection = "funding", summary = "Records funding awarded, with its source type.")
public record AwardFunding(
    @TargetAggregateIdentifier PartnershipId partnershipId,
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
    implements PartnershipCommand {

  public AwardFunding {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(fundingId, "fundingId");
    Require.present(fundingType, "fundingType");
    funder = Require.name(funder, "funder");
    Require.present(period, "period");
    conditions = Require.optionalText(conditions, "conditions");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public FundingAwarded toFact() {
    return new FundingAwarded(
        partnershipId,
        factId,
        occurredOn,
        fundingId,
        fundingType,
        instrument,
        funder,
        funderId,
        amount,
        period,
        conditions,
        source,
        recorded);
  }
}
