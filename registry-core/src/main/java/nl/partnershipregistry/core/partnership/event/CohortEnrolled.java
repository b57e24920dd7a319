package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when participants enrolled (a cohort, or all intake over a period when the source gives
 * only a total).
 */
public record CohortEnrolled(
    PartnershipId partnershipId,
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
    implements PartnershipFact {

  public CohortEnrolled {
    exactness = Exactness.of(approximate, exactness);
    approximate = !exactness.isExact();
  }
}
