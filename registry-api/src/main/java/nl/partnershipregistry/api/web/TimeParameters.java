package nl.partnershipregistry.api.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;
import nl.partnershipregistry.api.command.InvalidInput;

/**
 * The two dates of every question: {@code asOf}, the day in the world the answer is about (a year
 * or a month meaning its last day), and {@code asKnownOn}, the moment of the registry's knowledge.
 * Both are optional (today, now). {@code asKnownOn} is an instant ({@code 2026-11-23T10:00:00Z}) or
 * a day ({@code 2026-11-23}: the end of that day in the Netherlands).
 */
public final class TimeParameters {

  private static final ZoneId REGISTRY_ZONE = ZoneId.of("Europe/Amsterdam");

  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private TimeParameters() {}

  /**
   * A day ({@code 2015-06-30}), or a year ({@code 2015}) or a month ({@code 2015-06}) meaning its
   * last day, as facts are dated by the precision their sources give; the answer's {@code asOf}
   * says the day it is about.
   */
  public static LocalDate day(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      if (YEAR.matcher(text).matches()) {
        return Year.parse(text).atMonth(12).atEndOfMonth();
      }
      if (MONTH.matcher(text).matches()) {
        return YearMonth.parse(text).atEndOfMonth();
      }
      if (DAY.matcher(text).matches()) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeException e) {
      // said below
    }
    throw new InvalidInput(
        name,
        "must be a day such as 2015-06-30, or a year (2015) or a month (2015-06) meaning its last"
            + " day, not "
            + quote(value));
  }

  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      return Instant.parse(text);
    } catch (DateTimeException notAnInstant) {
      try {
        return LocalDate.parse(text)
            .plusDays(1)
            .atStartOfDay(REGISTRY_ZONE)
            .toInstant()
            .minusNanos(1);
      } catch (DateTimeException e) {
        throw new InvalidInput(
            name,
            "must be an instant such as 2026-11-23T10:00:00Z or a day such as 2026-11-23, not "
                + quote(value));
      }
    }
  }

  private static String quote(String value) {
    return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
  }
}
