package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.ParticipantsDroppedOut;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that participants of a cohort dropped out. */
@Published(collection = "cohort-dropouts", summary = "Records participants who dropped out.")
public record RecordDropouts(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CohortId cohortId,
    int participants,
    boolean approximate,
    Exactness exactness,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RecordDropouts {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(cohortId, "cohortId");
    Require.positive(participants, "participants");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
    exactness = Exactness.of(approximate, exactness);
    approximate = !exactness.isExact();
  }

  @Override
  public ParticipantsDroppedOut toFact() {
    return new ParticipantsDroppedOut(
        partnershipId,
        factId,
        occurredOn,
        cohortId,
        participants,
        approximate,
        exactness,
        source,
        recorded);
  }
}
