package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.FundingClawedBack;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a funder reclaimed money. */
@Published(collection = "funding-clawbacks", summary = "Records that funding was reclaimed.")
public record ClawBackFunding(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    FundingId fundingId,
    Money amount,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public ClawBackFunding {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(fundingId, "fundingId");
    Require.present(amount, "amount");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public FundingClawedBack toFact() {
    return new FundingClawedBack(
        partnershipId, factId, occurredOn, fundingId, amount, explanation, source, recorded);
  }
}
