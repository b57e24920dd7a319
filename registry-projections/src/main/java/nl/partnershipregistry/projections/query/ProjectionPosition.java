package nl.partnershipregistry.projections.query;

import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * The global position of the last event the read models applied (of one partnership, when {@code
 * partnershipId} is set), or -1 before the first.
 *
 * @param processingGroup the processing group that feeds the read models
 */
public record ProjectionPosition(
    String processingGroup, PartnershipId partnershipId, long lastApplied) {

  /** Whether the event at {@code position} is reflected in the answers. */
  public boolean hasApplied(long position) {
    return lastApplied >= position;
  }
}
