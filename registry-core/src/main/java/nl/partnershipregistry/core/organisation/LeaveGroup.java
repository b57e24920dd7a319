package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an organisation left its group. */
@Published(collection = "group-departures", summary = "Records that it left a group.")
public record LeaveGroup(
    @TargetAggregateIdentifier OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId groupId,
    SourceCitation source,
    Recording recorded)
    implements OrganisationCommand {

  public LeaveGroup {
    Require.present(organisationId, "organisationId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(groupId, "groupId");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public OrganisationLeftGroup toFact() {
    return new OrganisationLeftGroup(organisationId, factId, occurredOn, groupId, source, recorded);
  }
}
