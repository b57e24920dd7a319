package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * A command that records one fact about a partnership. Its values are checked when it is made;
 * whether the fact fits the partnership's history is decided by the aggregate. Sealed, so that the
 * table of which command records which fact ({@link FactCommands}) is complete by construction. The
 * commands are listed as the registry's users meet them (the partnership itself, its partners,
 * commitments, funding, activities, cohorts, key persons, governance, evaluations): the API
 * description and the command reference follow this order.
 */
public sealed interface PartnershipCommand
    permits RegisterPartnership,
        DescribePartnership,
        RenamePartnership,
        ChangePhase,
        RevivePartnership,
        DiscontinuePartnership,
        AdmitPartner,
        ChangePartnerRole,
        RecordPartnerDeparture,
        RecordCommitment,
        FulfilCommitment,
        RecordPartialFulfilment,
        RecordBrokenCommitment,
        WithdrawCommitment,
        RenewCommitment,
        AwardFunding,
        DisburseFunding,
        EndFunding,
        RenewFunding,
        ClawBackFunding,
        StartActivity,
        EndActivity,
        EnrolCohort,
        RecordDropouts,
        RecordGraduations,
        AssignKeyPerson,
        RecordKeyPersonDeparture,
        RecordSuccession,
        EstablishGovernance,
        ChangeGovernance,
        RecordEvaluation {

  PartnershipId partnershipId();

  FactId factId();

  Recording recorded();

  /** The fact this command proposes, exactly as it would be stored. */
  PartnershipFact toFact();
}
