package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an organisation. */
@Published(collection = "", summary = "Registers an organisation.")
public record RegisterOrganisation(
    @TargetAggregateIdentifier OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    String name,
    OrganisationType organisationType,
    SchoolLevel schoolLevel,
    SourceCitation source,
    Recording recorded)
    implements OrganisationCommand {

  public RegisterOrganisation {
    Require.present(organisationId, "organisationId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    name = Require.name(name, "name");
    Require.present(organisationType, "organisationType");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public OrganisationRegistered toFact() {
    return new OrganisationRegistered(
        organisationId, factId, occurredOn, name, organisationType, schoolLevel, source, recorded);
  }
}
