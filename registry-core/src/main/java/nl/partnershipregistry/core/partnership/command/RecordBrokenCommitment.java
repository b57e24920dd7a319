package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a commitment was not delivered. */
@Published(collection = "broken-commitments", summary = "Records that a commitment was broken.")
public record RecordBrokenCommitment(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RecordBrokenCommitment {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(commitmentId, "commitmentId");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public CommitmentBroken toFact() {
    return new CommitmentBroken(
        partnershipId, factId, occurredOn, commitmentId, explanation, source, recorded);
  }
}
