package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.CommitmentFulfilled;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a commitment was delivered in full; {@code delivered} only when the source says more
 * was delivered than promised (in the promised unit, not less than the promise).
 */
@Published(collection = "commitment-fulfilments", summary = "Records that a commitment was kept.")
public record FulfilCommitment(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    Quantity delivered,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public FulfilCommitment {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(commitmentId, "commitmentId");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public CommitmentFulfilled toFact() {
    return new CommitmentFulfilled(
        partnershipId, factId, occurredOn, commitmentId, delivered, explanation, source, recorded);
  }
}
