package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when an earlier fact turned out not to be a fact at all. From this event on, the
 * registry's knowledge no longer holds it; it stays in the history for earlier knowledge dates.
 */
public record FactRetracted(
    PartnershipId partnershipId,
    FactId factId,
    FactId retractedFactId,
    String reason,
    SourceCitation source,
    Recording recorded)
    implements FactAmendment {

  @Override
  public FactId amendedFactId() {
    return retractedFactId;
  }
}
