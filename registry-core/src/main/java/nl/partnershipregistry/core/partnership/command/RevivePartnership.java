package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PartnershipRevived;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a discontinued partnership runs again. */
@Published(collection = "revival", summary = "Records that a discontinued partnership was revived.")
public record RevivePartnership(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    Phase phase,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RevivePartnership {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(phase, "phase");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PartnershipRevived toFact() {
    return new PartnershipRevived(
        partnershipId, factId, occurredOn, phase, explanation, source, recorded);
  }
}
