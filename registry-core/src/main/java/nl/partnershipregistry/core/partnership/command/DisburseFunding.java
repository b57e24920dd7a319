package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.FundingDisbursed;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a payment of awarded funding. */
@Published(collection = "funding-disbursements", summary = "Records a payment of awarded funding.")
public record DisburseFunding(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    FundingId fundingId,
    Money amount,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public DisburseFunding {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(fundingId, "fundingId");
    Require.present(amount, "amount");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public FundingDisbursed toFact() {
    return new FundingDisbursed(
        partnershipId, factId, occurredOn, fundingId, amount, source, recorded);
  }
}
