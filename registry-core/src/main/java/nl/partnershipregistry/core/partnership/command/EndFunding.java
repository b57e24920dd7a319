package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.FundingEnded;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a funding ended. */
@Published(collection = "funding-ends", summary = "Records that a funding ended.")
public record EndFunding(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    FundingId fundingId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public EndFunding {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(fundingId, "fundingId");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public FundingEnded toFact() {
    return new FundingEnded(
        partnershipId, factId, occurredOn, fundingId, explanation, source, recorded);
  }
}
