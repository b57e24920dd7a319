package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactId;

/**
 * A correction or retraction of an earlier fact of the same partnership. Facts are never edited or
 * deleted: an amendment names the fact and gives a reason, and the history keeps both.
 */
public sealed interface FactAmendment extends PartnershipEvent
    permits FactCorrected, FactRetracted {

  /** The fact this amendment corrects or retracts. */
  FactId amendedFactId();

  String reason();
}
