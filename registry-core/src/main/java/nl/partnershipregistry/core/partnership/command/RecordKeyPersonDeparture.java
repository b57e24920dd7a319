package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.KeyPersonLeft;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a key person left the role. */
@Published(collection = "key-person-departures", summary = "Records that a key person left.")
public record RecordKeyPersonDeparture(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    KeyPersonId keyPersonId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RecordKeyPersonDeparture {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(keyPersonId, "keyPersonId");
    explanation = Require.optionalText(explanation, "explanation");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public KeyPersonLeft toFact() {
    return new KeyPersonLeft(
        partnershipId, factId, occurredOn, keyPersonId, explanation, source, recorded);
  }
}
