package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when participants of a cohort graduated (diplomas). */
public record ParticipantsGraduated(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    CohortId cohortId,
    int participants,
    boolean approximate,
    Exactness exactness,
    SourceCitation source,
    Recording recorded)
    implements CohortChange {

  public ParticipantsGraduated {
    exactness = Exactness.of(approximate, exactness);
    approximate = !exactness.isExact();
  }
}
