package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.partnership.CommitmentId;

/**
 * What became of a commitment: fulfilled, partially fulfilled, broken, withdrawn or renewed. A
 * commitment has at most one outcome; the delivery record is what funders look at.
 */
public interface CommitmentOutcome extends PartnershipFact {

  CommitmentId commitmentId();
}
