package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an organisation became part of a group. */
@Published(collection = "groups", summary = "Records that an organisation joined a group.")
public record JoinGroup(
    @TargetAggregateIdentifier OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId groupId,
    SourceCitation source,
    Recording recorded)
    implements OrganisationCommand {

  public JoinGroup {
    Require.present(organisationId, "organisationId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(groupId, "groupId");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public OrganisationJoinedGroup toFact() {
    return new OrganisationJoinedGroup(
        organisationId, factId, occurredOn, groupId, source, recorded);
  }
}
