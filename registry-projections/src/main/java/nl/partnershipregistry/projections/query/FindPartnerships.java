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
 * listed. The matches are in the order {@code sort} (default by name) says, ascending unless {@code
 * descending}. Answered with a {@link PartnershipPage}.
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
    Integer size,
    Sort sort,
    boolean descending) {

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

  /** The same question in the default order: by name, ascending. */
  public FindPartnerships(
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
    this(text, kind, phase, region, sector, partner, asOf, asKnownOn, page, size, null, false);
  }

  /** Every partnership, first page. */
  public static FindPartnerships all() {
    return new FindPartnerships(null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * What the list is sorted by; ties are by name, then id. {@code KIND} and {@code PHASE} follow
   * the domain's order of kinds and the lifecycle's order of phases; {@code START} the date of the
   * start where a source gives it, then those known only to exist by a date (by that date), then
   * those whose start is unknown, in either direction; {@code ACTIVE_PARTNERS} the number of
   * partners active on {@code asOf}.
   */
  public enum Sort {
    NAME,
    KIND,
    PHASE,
    START,
    ACTIVE_PARTNERS
  }

  Sort sortOrDefault() {
    return sort == null ? Sort.NAME : sort;
  }

  int pageOrDefault() {
    return page == null ? 0 : page;
  }

  int sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }
}
