package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an organisation joined the partnership in a role. */
@Published(collection = "partners", summary = "Records that an organisation joined, in a role.")
public record AdmitPartner(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId organisationId,
    PartnerRole role,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public AdmitPartner {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(organisationId, "organisationId");
    Require.present(role, "role");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PartnerJoined toFact() {
    return new PartnerJoined(
        partnershipId, factId, occurredOn, organisationId, role, source, recorded);
  }
}
