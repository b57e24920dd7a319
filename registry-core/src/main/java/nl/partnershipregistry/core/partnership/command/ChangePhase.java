package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the partnership moved to another phase. */
@Published(collection = "phase", summary = "Moves the partnership to another phase.")
public record ChangePhase(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    Phase phase,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public ChangePhase {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(phase, "phase");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PhaseChanged toFact() {
    return new PhaseChanged(
        partnershipId, factId, occurredOn, phase, explanation, source, recorded);
  }
}
