package nl.partnershipregistry.core.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * When a fact happened in the world (valid time), with the precision its source gives.
 *
 * <p>A date of month or year precision stands for the whole month or year: {@link #earliest()} and
 * {@link #latest()} bound it. {@link #TIMELINE_ORDER} lays such a date out at the first day of its
 * period; a partnership's timeline then places a fact within that period where other facts of
 * overlapping dates need it, so that a fact is out of order only when it is so under every reading
 * of the dates. The value keeps the first day in {@link #date()}, so {@code FactDate.year(2008)}
 * holds 2008-01-01 with precision {@link Precision#YEAR}. It prints and parses as {@code 2008},
 * {@code 2008-03} or {@code 2008-03-15}.
 */
public record FactDate(LocalDate date, Precision precision) implements Comparable<FactDate> {

  /** The earliest day first; at the same first day the finer precision first. */
  public static final Comparator<FactDate> TIMELINE_ORDER =
      Comparator.comparing(FactDate::earliest).thenComparing(FactDate::precision);

  /** The written forms; only ASCII digits, which {@code Integer.parseInt} alone would not hold. */
  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");

  public FactDate {
    Require.present(date, "date");
    Require.present(precision, "precision");
    if (date.getYear() < 1800 || date.getYear() > 9999) {
      throw new InvalidValue("date", "must lie between the years 1800 and 9999");
    }
    date =
        switch (precision) {
          case DAY -> date;
          case MONTH -> date.withDayOfMonth(1);
          case YEAR -> date.withDayOfYear(1);
        };
  }

  public static FactDate day(int year, int month, int day) {
    return new FactDate(localDate(year, month, day), Precision.DAY);
  }

  public static FactDate month(int year, int month) {
    return new FactDate(localDate(year, month, 1), Precision.MONTH);
  }

  public static FactDate year(int year) {
    return new FactDate(localDate(year, 1, 1), Precision.YEAR);
  }

  public static FactDate of(LocalDate date) {
    return new FactDate(date, Precision.DAY);
  }

  /** Reads {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, in ASCII digits. */
  public static FactDate parse(String text) {
    Require.present(text, "date");
    String value = text.strip();
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValue(
          "date", "'" + abbreviate(value) + "' is not yyyy, yyyy-MM or yyyy-MM-dd");
    }
    try {
      return switch (value.length()) {
        case 4 -> year(Integer.parseInt(value));
        case 7 -> {
          YearMonth month = YearMonth.parse(value);
          yield month(month.getYear(), month.getMonthValue());
        }
        case 10 -> of(LocalDate.parse(value));
        default -> throw new InvalidValue("date", "must be yyyy, yyyy-MM or yyyy-MM-dd");
      };
    } catch (NumberFormatException | DateTimeException e) {
      throw new InvalidValue(
          "date", "'" + abbreviate(value) + "' is not yyyy, yyyy-MM or yyyy-MM-dd");
    }
  }

  /** The first day this date may stand for. */
  public LocalDate earliest() {
    return date;
  }

  /** The last day this date may stand for. */
  public LocalDate latest() {
    return switch (precision) {
      case DAY -> date;
      case MONTH -> YearMonth.from(date).atEndOfMonth();
      case YEAR -> date.withDayOfYear(date.lengthOfYear());
    };
  }

  /** True when this date lies after {@code day} under every reading of its precision. */
  public boolean isCertainlyAfter(LocalDate day) {
    return earliest().isAfter(day);
  }

  @Override
  public int compareTo(FactDate other) {
    return TIMELINE_ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return switch (precision) {
      case DAY -> date.toString();
      case MONTH -> YearMonth.from(date).toString();
      case YEAR -> Integer.toString(date.getYear());
    };
  }

  private static LocalDate localDate(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new InvalidValue("date", e.getMessage());
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 20 ? value : value.substring(0, 20) + "...";
  }
}
