package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects an earlier fact: {@code replacement} is the fact as it should have been recorded, of the
 * same type and with the corrected fact's id, meeting every rule of the command that records that
 * fact ({@link FactCommands}). The source says where the correct version comes from.
 */
@Published(
    collection = "corrections",
    summary = "Replaces an earlier fact with a corrected one, with a reason.")
public record CorrectFact(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactId correctedFactId,
    String reason,
    PartnershipFact replacement,
    SourceCitation source,
    Recording recorded) {

  public CorrectFact {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(correctedFactId, "correctedFactId");
    reason = Require.text(reason, "reason");
    Require.present(replacement, "replacement");
    replacement = FactCommands.checked(replacement, "replacement");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  public FactCorrected toEvent() {
    return new FactCorrected(
        partnershipId, factId, correctedFactId, reason, replacement, source, recorded);
  }
}
