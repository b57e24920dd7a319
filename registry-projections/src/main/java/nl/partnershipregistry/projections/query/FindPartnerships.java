package nl.partnershipregistry.projections.query;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.Phase;

/**
 * Which partnerships match? Every criterion is optional: {@code text} (in name, goal, region,
 * sector, id or the name of a partner up to {@code asOf}, ignoring case), {@code kind}, {@code
 * phase} on {@code asOf}, {@code region} and {@code sector} (exact, ignoring case), {@code partner}
 * (an organisation that was a partner at any time up to {@code asOf}). Pages count from 0; {@code
 * size} is 20 by default and at most 200. Partnerships that had not started by {@code asOf} are not
 * listed. Answered with a {@link PartnershipPage}.
 */
public record FindPartnerships(
    String text,
    PartnershipKind kind,
    Phase phase,
    String region,
    String sector,
    OrganisationId partner,
    LocalDate asOf,
    Instant asKnownOn,
    Integer page,
    Integer size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  public FindPartnerships {
    if (page != null && page < 0) {
      throw new InvalidValue("page", "must not be negative");
    }
    if (size != null && (size < 1 || size > MAX_SIZE)) {
      throw new InvalidValue("size", "must lie between 1 and " + MAX_SIZE);
    }
  }

  /** Every partnership, first page. */
  public static FindPartnerships all() {
    return new FindPartnerships(null, null, null, null, null, null, null, null, null, null);
  }

  int pageOrDefault() {
    return page == null ? 0 : page;
  }

  int sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }
}
