package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an active partner left the partnership. */
@Published(collection = "partner-departures", summary = "Records that a partner left.")
public record RecordPartnerDeparture(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    OrganisationId organisationId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RecordPartnerDeparture {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(organisationId, "organisationId");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PartnerLeft toFact() {
    return new PartnerLeft(
        partnershipId, factId, occurredOn, organisationId, explanation, source, recorded);
  }
}
