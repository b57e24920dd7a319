package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * A command that records one fact about a partnership. Its values are checked when it is made;
 * whether the fact fits the partnership's history is decided by the aggregate. Sealed, so that the
 * table of which command records which fact ({@link FactCommands}) is complete by construction.
 */
public sealed interface PartnershipCommand
    permits AdmitPartner,
        AssignKeyPerson,
        AwardFunding,
        ChangeGovernance,
        ChangePartnerRole,
        ChangePhase,
        ClawBackFunding,
        DescribePartnership,
        DisburseFunding,
        DiscontinuePartnership,
        EndActivity,
        EndFunding,
        EnrolCohort,
        EstablishGovernance,
        FulfilCommitment,
        RecordBrokenCommitment,
        RecordCommitment,
        RecordDropouts,
        RecordEvaluation,
        RecordGraduations,
        RecordKeyPersonDeparture,
        RecordPartialFulfilment,
        RecordPartnerDeparture,
        RecordSuccession,
        RegisterPartnership,
        RenamePartnership,
        RenewCommitment,
        RenewFunding,
        RevivePartnership,
        StartActivity,
        WithdrawCommitment {

  PartnershipId partnershipId();

  FactId factId();

  Recording recorded();

  /** The fact this command proposes, exactly as it would be stored. */
  PartnershipFact toFact();
}
