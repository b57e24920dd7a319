package nl.partnershipregistry.projections.query.registry;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.common.PlainText;

/**
 * Which partnerships match? Every criterion is optional. {@code text} is cut into words, and each
 * must be part of a word (ignoring case and accents) somewhere in the partnership's names (current
 * and former, up to {@code asOf}), its goal, region, sector or id, or the names (current and
 * former) of the organisations that were its partners up to {@code asOf}: "luchtvaart hogeschool"
 * needs both; a text holds at most {@value #MAX_WORDS} different words. {@code kind}; {@code phase}
 * on {@code asOf}; {@code region} and {@code sector}, each word of which must be part of the
 * partnership's region (sector), ignoring case and accents ("water" finds "water technology");
 * {@code partner}, an organisation that was a partner at any time up to {@code asOf}, named by its
 * id, or, when no organisation has that id, by part of a name it carries or carried ("KLM",
 * "hitecs"). Pages count from 0; {@code size} is 20 by default and at most 200. Partnerships that
 * had not started by {@code asOf} are not listed; those whose existence on {@code asOf} the sources
 * leave open (an undated start whose earliest evidence is later, a start circa or only bounded) are
 * listed with {@code existence} {@code UNKNOWN}, named and typed by their registration and nothing
 * more, so that no phase, region, sector or partner criterion matches them. The matches are in the
 * order {@code sort} says, ascending unless {@code descending}; without a sort, by relevance when
 * there is a text, otherwise by name. Answered with a {@link PartnershipPage}.
 */
public record FindPartnerships(
    String text,
    PartnershipKind kind,
    Phase phase,
    String region,
    String sector,
    String partner,
    LocalDate asOf,
    Instant asKnownOn,
    Integer page,
    Integer size,
    Sort sort,
    boolean descending) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  /** The most different words a text may hold. */
  public static final int MAX_WORDS = 64;

  public FindPartnerships {
    if (page != null && page < 0) {
      throw new InvalidValue("page", "must not be negative");
    }
    if (size != null && (size < 1 || size > MAX_SIZE)) {
      throw new InvalidValue("size", "must lie between 1 and " + MAX_SIZE);
    }
    if (tooManyWords(text)) {
      throw new InvalidValue("text", "must hold at most " + MAX_WORDS + " different words");
    }
  }

  /** Whether the text holds more than {@link #MAX_WORDS} different words, and is refused. */
  public static boolean tooManyWords(String text) {
    return text != null && PlainText.words(text).stream().distinct().count() > MAX_WORDS;
  }

  /** The same question in the default order: by relevance to the text, or else by name. */
  public FindPartnerships(
      String text,
      PartnershipKind kind,
      Phase phase,
      String region,
      String sector,
      String partner,
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
   * the domain's order of kinds and the lifecycle's order of phases (an unknown phase last, in
   * either direction); {@code START} the date of the start where a source gives it, then those
   * known only to exist by a date (by that date), then those whose start is unknown, in either
   * direction; {@code ACTIVE_PARTNERS} the number of partners active on {@code asOf}; {@code
   * RELEVANCE} how well the partnership matches the text, best first (see {@link
   * PartnershipPage.Listing#score()}).
   */
  public enum Sort {
    NAME,
    KIND,
    PHASE,
    START,
    ACTIVE_PARTNERS,
    RELEVANCE
  }

  /** The order asked for, or the default: by relevance when there is a text, otherwise by name. */
  public Sort sortOrDefault() {
    if (sort != null) {
      return sort;
    }
    return PlainText.words(text).isEmpty() ? Sort.NAME : Sort.RELEVANCE;
  }

  int pageOrDefault() {
    return page == null ? 0 : page;
  }

  int sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }
}
