package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.KeyPersonSucceeded;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that one key person took over from another. */
@Published(collection = "key-person-successions", summary = "Records a key person's successor.")
public record RecordSuccession(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    KeyPersonId keyPersonId,
    KeyPersonId successorId,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RecordSuccession {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(keyPersonId, "keyPersonId");
    Require.present(successorId, "successorId");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public KeyPersonSucceeded toFact() {
    return new KeyPersonSucceeded(
        partnershipId, factId, occurredOn, keyPersonId, successorId, source, recorded);
  }
}
