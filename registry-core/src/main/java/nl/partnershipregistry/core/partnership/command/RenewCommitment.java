package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a commitment was renewed into a new commitment. */
@Published(collection = "commitment-renewals", summary = "Records that a commitment was renewed.")
public record RenewCommitment(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CommitmentId commitmentId,
    CommitmentId renewalId,
    Quantity quantity,
    DateRange period,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RenewCommitment {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(commitmentId, "commitmentId");
    Require.present(renewalId, "renewalId");
    Require.present(quantity, "quantity");
    Require.present(period, "period");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public CommitmentRenewed toFact() {
    return new CommitmentRenewed(
        partnershipId,
        factId,
        occurredOn,
        commitmentId,
        renewalId,
        quantity,
        period,
        source,
        recorded);
  }
}
