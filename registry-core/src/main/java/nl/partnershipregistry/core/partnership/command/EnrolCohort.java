package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a cohort of participants enrolled. */
@Published(collection = "cohorts", summary = "Records a cohort of participants enrolled.")
public record EnrolCohort(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CohortId cohortId,
    String label,
    int participants,
    boolean approximate,
    Exactness exactness,
    ActivityId activityId,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public EnrolCohort {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(cohortId, "cohortId");
    label = Require.name(label, "label");
    Require.positive(participants, "participants");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
    exactness = Exactness.of(approximate, exactness);
    approximate = !exactness.isExact();
  }

  @Override
  public CohortEnrolled toFact() {
    return new CohortEnrolled(
        partnershipId,
        factId,
        occurredOn,
        cohortId,
        label,
        participants,
        approximate,
        exactness,
        activityId,
        source,
        recorded);
  }
}
