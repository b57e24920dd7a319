package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;

/** A fact about the world, dated when it happened ({@link #occurredOn()}, valid time). */
public sealed interface PartnershipFact extends PartnershipEvent
    permits PartnershipRegistered,
        PartnershipRenamed,
        PartnershipDescribed,
        PhaseChanged,
        PartnershipDiscontinued,
        PartnershipRevived,
        PartnerJoined,
        PartnerRoleChanged,
        PartnerLeft,
        CommitmentRecorded,
        FundingAwarded,
        ActivityStarted,
        ActivityEnded,
        CohortEnrolled,
        KeyPersonAssigned,
        KeyPersonLeft,
        KeyPersonSucceeded,
        GovernanceEstablished,
        GovernanceChanged,
        EvaluationRecorded,
        CommitmentOutcome,
        FundingChange,
        CohortChange {

  FactDate occurredOn();
}
