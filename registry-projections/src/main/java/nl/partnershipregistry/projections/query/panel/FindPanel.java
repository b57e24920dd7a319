package nl.partnershipregistry.projections.query.panel;

import java.time.Instant;
import nl.partnershipregistry.core.common.InvalidValue;

/**
 * A panel for researchers: one row per partnership per year from {@code from} to {@code to}, each
 * the partnership as it stood on 1 July of that year as the registry knew it at {@code asKnownOn}
 * (default now). {@code from} defaults to the earliest year any partnership's registration is dated
 * in, {@code to} to the current year; at most {@link #MAX_YEARS} years. Answered with a {@link
 * Panel}.
 */
public record FindPanel(Integer from, Integer to, Instant asKnownOn) {

  /** The most years one panel spans. */
  public static final int MAX_YEARS = 100;

  public FindPanel {
    requireYear("from", from);
    requireYear("to", to);
    if (from != null && to != null) {
      requireSpan(from, to);
    }
  }

  /** Refuses {@code to} before {@code from} and a span of more than {@link #MAX_YEARS} years. */
  static void requireSpan(int from, int to) {
    if (to < from) {
      throw new InvalidValue("to", "must not be before from (" + from + ")");
    }
    if (to - from + 1 > MAX_YEARS) {
      throw new InvalidValue(
          "to",
          "must lie within "
              + MAX_YEARS
              + " years of from ("
              + from
              + "), at most "
              + (from + MAX_YEARS - 1));
    }
  }

  private static void requireYear(String field, Integer year) {
    if (year != null && (year < 1 || year > 9999)) {
      throw new InvalidValue(field, "must be a year from 1 to 9999");
    }
  }
}
