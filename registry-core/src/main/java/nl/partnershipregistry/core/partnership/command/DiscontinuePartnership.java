package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the partnership ended, and why. */
@Published(
    collection = "discontinuation",
    summary = "Records how and why the partnership ended, with a coded reason.")
public record DiscontinuePartnership(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    DiscontinuationReason reason,
    String explanation,
    PartnershipId successor,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public DiscontinuePartnership {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(reason, "reason");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PartnershipDiscontinued toFact() {
    return new PartnershipDiscontinued(
        partnershipId, factId, occurredOn, reason, explanation, successor, source, recorded);
  }
}
