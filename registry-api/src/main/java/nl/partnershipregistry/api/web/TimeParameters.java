package nl.partnershipregistry.api.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.partnershipregistry.api.command.InvalidInput;

/**
 * The two dates of every question: {@code asOf}, the day in the world the answer is about, and
 * {@code asKnownOn}, the moment of the registry's knowledge. Both are optional (today, now). {@code
 * asKnownOn} is an instant ({@code 2026-11-23T10:00:00Z}) or a day ({@code 2026-11-23}: the end of
 * that day in the Netherlands).
 */
public final class TimeParameters {

  private static final ZoneId REGISTRY_ZONE = ZoneId.of("Europe/Amsterdam");

  private TimeParameters() {}

  public static LocalDate day(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeException e) {
      throw new InvalidInput(name, "must be a day such as 2015-06-30, not " + quote(value));
    }
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
