package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what an active partner promised, for a period. */
@Published(collection = "commitments", summary = "Records what an active partner promised.")
public record RecordCommitment(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    OrganisationId organisationId,
    CommitmentType commitmentType,
    Quantity quantity,
    DateRange period,
    String description,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RecordCommitment {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(commitmentId, "commitmentId");
    Require.present(organisationId, "organisationId");
    Require.present(commitmentType, "commitmentType");
    Require.present(quantity, "quantity");
    Require.present(period, "period");
    description = Require.optionalText(description, "description");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public CommitmentRecorded toFact() {
    return new CommitmentRecorded(
        partnershipId,
        factId,
        occurredOn,
        commitmentId,
        organisationId,
        commitmentType,
        quantity,
        period,
        description,
        source,
        recorded);
  }
}
