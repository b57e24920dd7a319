package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;

/**
 * What became of a commitment: fulfilled, partially fulfilled, broken, withdrawn or renewed. A
 * commitment has at most one outcome; the delivery record is what funders look at.
 */
public sealed interface CommitmentOutcome extends PartnershipFact
    permits CommitmentFulfilled,
        CommitmentPartiallyFulfilled,
        CommitmentBroken,
        CommitmentWithdrawn,
        CommitmentRenewed {

  CommitmentId commitmentId();
}
