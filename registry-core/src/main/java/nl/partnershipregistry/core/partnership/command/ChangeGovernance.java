package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.GovernanceChanged;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the formal platform changed. */
@Published(collection = "governance-changes", summary = "Records a change of governance form.")
public record ChangeGovernance(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    GovernanceForm form,
    String entityName,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public ChangeGovernance {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(form, "form");
    entityName = Require.optionalName(entityName, "entityName");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public GovernanceChanged toFact() {
    return new GovernanceChanged(
        partnershipId, factId, occurredOn, form, entityName, source, recorded);
  }
}
