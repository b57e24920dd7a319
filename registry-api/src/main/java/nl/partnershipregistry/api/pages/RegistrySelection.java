package nl.partnershipregistry.api.pages;

import java.util.Locale;
import java.util.Optional;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the registry page shows: its search, filters, order, page and the two dates, read from the
 * address with the JSON API's parameter names ({@code text, kind, phase, region, sector, sort,
 * order, page, size, asOf, asKnownOn}), and the addresses of the same selection sorted, paged or
 * downloaded otherwise. The templates reach it as {@code selection}.
 *
 * @param sort the order the address asks for, or null for the question's default (by relevance when
 *     there is a text, otherwise by name)
 * @param asOf the day as typed (empty for today), shown back in its field
 * @param asKnownOn the day or instant as typed (empty for now)
 */
public record RegistrySelection(
    String text,
    PartnershipKind kind,
    Phase phase,
    String region,
    String sector,
    FindPartnerships.Sort sort,
    boolean descending,
    int page,
    int size,
    String asOf,
    String asKnownOn) {

  /** Partnerships on a page unless the address asks for another number. */
  static final int PAGE_SIZE = 25;

  /** The same selection without a text. */
  RegistrySelection withoutText() {
    return new RegistrySelection(
        null, kind, phase, region, sector, sort, descending, page, size, asOf, asKnownOn);
  }

  /** The selection's question for the page shown. */
  FindPartnerships query(java.time.LocalDate day, java.time.Instant known) {
    return query(day, known, page, size);
  }

  FindPartnerships query(java.time.LocalDate day, java.time.Instant known, int page, int size) {
    return new FindPartnerships(
        text, kind, phase, region, sector, null, day, known, page, size, sort, descending);
  }

  /** The order the list is in: the one asked for, or the question's default. */
  public FindPartnerships.Sort order() {
    return query(null, null).sortOrDefault();
  }

  /** The order the list would be in without a {@code sort} in the address. */
  private FindPartnerships.Sort defaultOrder() {
    return new FindPartnerships(text, kind, phase, region, sector, null, null, null, null, null)
        .sortOrDefault();
  }

  /**
   * The {@code sort} a new search from the page keeps: the order chosen, or null when none was
   * (then the new search is in its own default order).
   */
  public String sortParameter() {
    return sort == null || sort == defaultOrder() ? null : parameter(sort);
  }

  public boolean sortedBy(String column) {
    return order() == sort(column);
  }

  /** The {@code aria-sort} of a column's header: null (none) unless the list is sorted by it. */
  public String ariaSort(String column) {
    if (!sortedBy(column)) {
      return null;
    }
    return descending ? "descending" : "ascending";
  }

  /** The list sorted by the column: ascending, or the other way when already sorted by it. */
  public String sortLink(String column) {
    FindPartnerships.Sort by = sort(column);
    boolean reverse = sortedBy(column) && !descending;
    return link("/registry", by, reverse, 0);
  }

  /** The same selection and order on another page (counted from 0, as the JSON API does). */
  public String pageLink(int number) {
    return link("/registry", order(), descending, number);
  }

  /** The whole selection (every page) as CSV. */
  public String csvLink() {
    return builder("/registry/partnerships.csv", order(), descending)
        .encode()
        .build()
        .toUriString();
  }

  /** The key of the words for the order: {@code sort.START.desc}, {@code sort.RELEVANCE.asc}. */
  public String orderKey() {
    return "sort." + order().name() + (descending ? ".desc" : ".asc");
  }

  public boolean atDefaultMoment() {
    return asOf.isEmpty() && asKnownOn.isEmpty();
  }

  private String link(String path, FindPartnerships.Sort by, boolean reverse, int number) {
    UriComponentsBuilder builder = builder(path, by, reverse);
    if (number > 0) {
      builder.queryParam("page", number);
    }
    if (size != PAGE_SIZE) {
      builder.queryParam("size", size);
    }
    return builder.encode().build().toUriString();
  }

  private UriComponentsBuilder builder(String path, FindPartnerships.Sort by, boolean reverse) {
    return UriComponentsBuilder.fromPath(path)
        .queryParamIfPresent("text", Optional.ofNullable(text))
        .queryParamIfPresent("kind", Optional.ofNullable(kind))
        .queryParamIfPresent("phase", Optional.ofNullable(phase))
        .queryParamIfPresent("region", Optional.ofNullable(region))
        .queryParamIfPresent("sector", Optional.ofNullable(sector))
        .queryParamIfPresent(
            "sort", by == defaultOrder() ? Optional.empty() : Optional.of(parameter(by)))
        .queryParamIfPresent("order", reverse ? Optional.of("desc") : Optional.empty())
        .queryParamIfPresent("asOf", Optional.of(asOf).filter(s -> !s.isEmpty()))
        .queryParamIfPresent("asKnownOn", Optional.of(asKnownOn).filter(s -> !s.isEmpty()));
  }

  private static String parameter(FindPartnerships.Sort sort) {
    return sort.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * An order by its parameter value ({@code active-partners}); null (the default order) when none
   * or not one.
   */
  static FindPartnerships.Sort sort(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return FindPartnerships.Sort.valueOf(
          value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
