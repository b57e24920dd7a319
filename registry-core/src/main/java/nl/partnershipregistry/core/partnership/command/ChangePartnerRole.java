package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnerRoleChanged;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an active partner took another role. */
@Published(collection = "partner-roles", summary = "Records an active partner's new role.")
public record ChangePartnerRole(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId organisationId,
    PartnerRole role,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public ChangePartnerRole {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(organisationId, "organisationId");
    Require.present(role, "role");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PartnerRoleChanged toFact() {
    return new PartnerRoleChanged(
        partnershipId, factId, occurredOn, organisationId, role, source, recorded);
  }
}
