package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.ParticipantsGraduated;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that participants of a cohort graduated. */
@Published(collection = "cohort-graduations", summary = "Records participants who graduated.")
public record RecordGraduations(
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

  public RecordGraduations {
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
  public ParticipantsGraduated toFact() {
    return new ParticipantsGraduated(
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
