package nl.partnershipregistry.projections.query;

/**
 * The global position of the last event the read models applied, or -1 before the first.
 *
 * @param processingGroup the processing group that feeds the read models
 */
public record ProjectionPosition(String processingGroup, long lastApplied) {

  /** Whether the event at {@code position} is reflected in the answers. */
  public boolean hasApplied(long position) {
    return lastApplied >= position;
  }
}
