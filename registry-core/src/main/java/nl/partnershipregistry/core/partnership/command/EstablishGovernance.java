package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.GovernanceEstablished;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the partnership's first formal platform. */
@Published(collection = "governance", summary = "Records a formal entity or platform set up.")
public record EstablishGovernance(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    GovernanceForm form,
    String entityName,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public EstablishGovernance {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(form, "form");
    entityName = Require.optionalName(entityName, "entityName");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public GovernanceEstablished toFact() {
    return new GovernanceEstablished(
        partnershipId, factId, occurredOn, form, entityName, source, recorded);
  }
}
