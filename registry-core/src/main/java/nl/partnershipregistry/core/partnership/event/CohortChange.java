package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;

/** An outcome for participants of an enrolled cohort: dropped out or graduated. */
public sealed interface CohortChange extends PartnershipFact
    permits ParticipantsDroppedOut, ParticipantsGraduated {

  CohortId cohortId();

  int participants();

  Exactness exactness();
}
