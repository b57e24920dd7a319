package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;

/**
 * A command that records one fact about a partnership. Its values are checked when it is made;
 * whether the fact fits the partnership's history is decided by the aggregate.
 */
public interface PartnershipCommand {

  PartnershipId partnershipId();

  FactId factId();

  Recording recorded();

  /** The fact this command proposes, exactly as it would be stored. */
  PartnershipFact toFact();
}
