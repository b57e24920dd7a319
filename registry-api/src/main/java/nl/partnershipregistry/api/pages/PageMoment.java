package nl.partnershipregistry.api.pages;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two dates a page was asked for, as typed ({@code asOf}, {@code asKnownOn}; empty when not
 * given), so that its links lead to other pages at the same moment: {@link #link(String)} adds only
 * the dates given, and a page shown today as known now links to pages that are too.
 */
public record PageMoment(String asOf, String asKnownOn) {

  public PageMoment {
    asOf = asOf == null ? "" : asOf.strip();
    asKnownOn = asKnownOn == null ? "" : asKnownOn.strip();
  }

  /** Today, as known now: neither date given. */
  public boolean now() {
    return asOf.isEmpty() && asKnownOn.isEmpty();
  }

  /** The path with the dates given as its query. */
  public String link(String path) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
    if (!asOf.isEmpty()) {
      builder.queryParam("asOf", asOf);
    }
    if (!asKnownOn.isEmpty()) {
      builder.queryParam("asKnownOn", asKnownOn);
    }
    return builder.encode().build().toUriString();
  }
}
