package nl.partnershipregistry.projections.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Every fact of a partnership in valid-time order, as the registry knew it on {@code asKnownOn}
 * (default now), with its source, who recorded it when, and the corrections and retractions that
 * touch it. With {@code asOf}, only facts dated up to then. Answered with an {@code
 * Optional<Timeline>}.
 */
public record FindTimeline(PartnershipId partnershipId, LocalDate asOf, Instant asKnownOn) {

  public FindTimeline {
    Require.present(partnershipId, "partnershipId");
  }
}
