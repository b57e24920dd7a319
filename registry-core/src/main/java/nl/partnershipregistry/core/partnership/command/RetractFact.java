package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retracts an earlier fact that turned out not to be a fact, with the reason. */
@Published(collection = "retractions", summary = "Withdraws an earlier fact, with a reason.")
public record RetractFact(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactId retractedFactId,
    String reason,
    SourceCitation source,
    Recording recorded) {

  public RetractFact {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(retractedFactId, "retractedFactId");
    reason = Require.text(reason, "reason");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  public FactRetracted toEvent() {
    return new FactRetracted(partnershipId, factId, retractedFactId, reason, source, recorded);
  }
}
