package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PartnershipRenamed;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the partnership took another name. */
@Published(collection = "name", summary = "Records a new name.")
public record RenamePartnership(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    String name,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RenamePartnership {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    name = Require.name(name, "name");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PartnershipRenamed toFact() {
    return new PartnershipRenamed(partnershipId, factId, occurredOn, name, source, recorded);
  }
}
