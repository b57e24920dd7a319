package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an organisation merged into another. */
@Published(collection = "merger", summary = "Records that it merged into another organisation.")
public record MergeOrganisation(
    @TargetAggregateIdentifier OrganisationId organisationId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId intoId,
    SourceCitation source,
    Recording recorded)
    implements OrganisationCommand {

  public MergeOrganisation {
    Require.present(organisationId, "organisationId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(intoId, "intoId");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public OrganisationMerged toFact() {
    return new OrganisationMerged(organisationId, factId, occurredOn, intoId, source, recorded);
  }
}
