package nl.partnershipregistry.projections.query;

import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * How far have the read models come? Without a partnership: the highest global position applied in
 * any segment of the processor, for lag. With one: the position of the last event applied to that
 * partnership, for read-your-writes (a client that wrote an event at position p to the partnership
 * sees it in every answer once this has reached p, whatever the other segments do). Answered with a
 * {@link ProjectionPosition}.
 */
public record FindProjectionPosition(PartnershipId partnershipId) {

  /** The position of the processor as a whole. */
  public static FindProjectionPosition overall() {
    return new FindProjectionPosition(null);
  }

  /** The position of one partnership's read model. */
  public static FindProjectionPosition of(PartnershipId partnershipId) {
    return new FindProjectionPosition(Require.present(partnershipId, "partnershipId"));
  }
}
