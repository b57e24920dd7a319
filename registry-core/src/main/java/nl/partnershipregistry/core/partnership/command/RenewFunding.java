package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.FundingRenewed;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a funding was renewed into a new funding. {@code amount} is left out (null) when no
 * source gives the renewal's amount.
 */
@Published(collection = "funding-renewals", summary = "Records that a funding was renewed.")
public record RenewFunding(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    FundingId fundingId,
    FundingId renewalId,
    Money amount,
    DateRange period,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RenewFunding {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(fundingId, "fundingId");
    Require.present(renewalId, "renewalId");
    Require.present(period, "period");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public FundingRenewed toFact() {
    return new FundingRenewed(
        partnershipId, factId, occurredOn, fundingId, renewalId, amount, period, source, recorded);
  }
}
