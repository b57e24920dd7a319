package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an organisation took another name. */
@Published(collection = "name", summary = "Records an organisation's new name.")
public record RenameOrganisation(
    @TargetAggregateIdentifier OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    String name,
    SourceCitation source,
    Recording recorded)
    implements OrganisationCommand {

  public RenameOrganisation {
    Require.present(organisationId, "organisationId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    name = Require.name(name, "name");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public OrganisationRenamed toFact() {
    return new OrganisationRenamed(organisationId, factId, occurredOn, name, source, recorded);
  }
}
