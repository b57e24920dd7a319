package nl.partnershipregistry.core.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;

/**
 * Reads the instants the registry writes ({@code Instant.toString()}: {@code 2026-11-23T09:15:00Z},
 * {@code 2026-11-23T09:15:00.120Z}) without {@link DateTimeFormatter}, which costs a replay a good
 * part of its time; text of any other ISO-8601 shape with an offset (an offset other than {@code
 * Z}, lower case, a year beyond 9999, a leap second) goes to {@link
 * DateTimeFormatter#ISO_OFFSET_DATE_TIME}, so both read exactly the same instants.
 */
public final class IsoInstants {

  private static final int SHORTEST = "2000-01-01T00:00:00Z".length();
  private static final int LONGEST = "2000-01-01T00:00:00.123456789Z".length();

  private IsoInstants() {}

  /**
   * The instant {@code text} names.
   *
   * @throws java.time.format.DateTimeParseException when it names none
   */
  public static Instant parse(CharSequence text) {
    Instant quick = quick(text);
    return quick != null
        ? quick
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
  }

  /** The instant of text in exactly the shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null. */
  public static Instant quick(CharSequence text) {
    int length = text.length();
    if (length < SHORTEST
        || length > LONGEST
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nanos = 0;
    int end = length - 1;
    if (end > 19) {
      int fraction = end - 20;
      if (text.charAt(19) != '.' || fraction < 1) {
        return null;
      }
      int value = digits(text, 20, fraction);
      if (value < 0) {
        return null;
      }
      nanos = value;
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The number in {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
  private static int digits(CharSequence text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
