package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when an earlier fact turned out wrong: {@code replacement} is the fact as it should have
 * been recorded (same type, same fact id). From this event on, the registry's knowledge holds the
 * replacement; what it knew before stays visible for earlier knowledge dates.
 */
public record FactCorrected(
    PartnershipId partnershipId,
    FactId factId,
    FactId correctedFactId,
    String reason,
    PartnershipFact replacement,
    SourceCitation source,
    Recording recorded)
    implements FactAmendment {

  @Override
  public FactId amendedFactId() {
    return correctedFactId;
  }
}
