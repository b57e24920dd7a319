package nl.partnershipregistry.core.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * When a fact happened in the world (valid time), with the precision and the certainty its source
 * gives.
 *
 * <p>A date of month or year precision stands for the whole month or year; a {@link
 * DateQualifier#CIRCA circa} date for one unit of its precision more on either side ("circa 2009":
 * 2008 to 2010); a bound for every day up to or from the stated one ("no later than 2021-05": any
 * day up to 31 May 2021). {@link #earliest()} and {@link #latest()} are these bounds, and the rules
 * read them: a fact is out of order, or dated after its recording, only when it is so under every
 * reading of its date.
 *
 * <p>As-of questions need one day from which a fact counts as having happened: {@link
 * #countsFrom()}, the first day of the stated period, except for a fact known only to have happened
 * by a date, which counts from the last day of that date, when it certainly had. A partnership's
 * timeline lays facts out on that day ({@link #TIMELINE_ORDER}) and then places a fact within its
 * bounds where other facts of overlapping dates need it. A period in force "until" a date runs to
 * the last day of that date as stated ({@link #lastDay()}).
 *
 * <p>The value keeps the first day of the stated period in {@link #date()}, so {@code
 * FactDate.year(2008)} holds 2008-01-01 with precision {@link Precision#YEAR}. It prints and parses
 * in the Extended Date/Time Format (ISO 8601-2): {@code 2008}, {@code 2008-03} or {@code
 * 2008-03-15} as stated; {@code 2009~} circa; {@code [..2021-05]} no later than; {@code [2015..]}
 * no earlier than; {@code [2005..2008]} between, where {@link #end()} holds the second date.
 */
public record FactDate(LocalDate date, Precision precision, DateQualifier qualifier, FactDate end)
    implements Comparable<FactDate> {

  /** The day counted from first; on one day the finer precision first, then the firmer date. */
  public static final Comparator<FactDate> TIMELINE_ORDER =
      Comparator.comparing(FactDate::countsFrom)
          .thenComparing(FactDate::precision)
          .thenComparing(FactDate::qualifier)
          .thenComparing(FactDate::date)
          .thenComparing(d -> d.end() == null ? "" : d.end().toString());

  /** The first and the last day a bound leaves open. */
  private static final LocalDate FIRST_DAY = LocalDate.of(1800, 1, 1);

  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  /** The written forms; only ASCII digits, which {@code Integer.parseInt} alone would not hold. */
  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");

  private static final String FORMS =
      "is not yyyy, yyyy-MM or yyyy-MM-dd, optionally followed by ~ (circa), or written"
          + " [..date] (no later than), [date..] (no earlier than) or [date..date] (between)";

  public FactDate {
    Require.present(date, "date");
    Require.present(precision, "precision");
    Require.present(qualifier, "date qualifier");
    if (date.getYear() < 1800 || date.getYear() > 9999) {
      throw new InvalidValue("date", "must lie between the years 1800 and 9999");
    }
    date =
        switch (precision) {
          case DAY -> date;
          case MONTH -> date.withDayOfMonth(1);
          case YEAR -> date.withDayOfYear(1);
        };
    if ((qualifier == DateQualifier.BETWEEN) != (end != null)) {
      throw new InvalidValue(
          "date", "a date between two dates needs both, and only it has a second");
    }
    if (end != null) {
      if (end.qualifier() != DateQualifier.AS_STATED) {
        throw new InvalidValue("date", "the second date of a period is a date as stated");
      }
      if (!end.date().isAfter(date)) {
        throw new InvalidValue("date", "the second date must begin after the first (" + end + ")");
      }
    }
  }

  /** A date as stated, within its day, month or year. */
  public FactDate(LocalDate date, Precision precision) {
    this(date, precision, DateQualifier.AS_STATED);
  }

  /** A date with a qualifier that needs no second date. */
  public FactDate(LocalDate date, Precision precision, DateQualifier qualifier) {
    this(date, precision, qualifier, null);
  }

  /** Some day from the first day of {@code from} to the last day of {@code until}. */
  public static FactDate between(FactDate from, FactDate until) {
    return new FactDate(from.date(), from.precision(), DateQualifier.BETWEEN, until);
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

  /** The same stated date, qualified (for a qualifier that needs no second date). */
  public FactDate qualified(DateQualifier qualifier) {
    return new FactDate(date, precision, qualifier);
  }

  /**
   * The date to say after "by" ("existing by 2015"): without a "no later than", which "by" already
   * says; any other date as it is.
   */
  public FactDate saidAfterBy() {
    return qualifier == DateQualifier.NO_LATER_THAN ? qualified(DateQualifier.AS_STATED) : this;
  }

  /**
   * Reads {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} in ASCII digits, followed by {@code
   * ~} for circa, or enclosed as {@code [..date]} (no later than) or {@code [date..]} (no earlier
   * than).
   */
  public static FactDate parse(String text) {
    Require.present(text, "date");
    String value = text.strip();
    DateQualifier qualifier = DateQualifier.AS_STATED;
    String stated = value;
    if (value.endsWith("~")) {
      qualifier = DateQualifier.CIRCA;
      stated = value.substring(0, value.length() - 1);
    } else if (value.startsWith("[..") && value.endsWith("]")) {
      qualifier = DateQualifier.NO_LATER_THAN;
      stated = value.substring(3, value.length() - 1);
    } else if (value.startsWith("[") && value.endsWith("..]")) {
      qualifier = DateQualifier.NO_EARLIER_THAN;
      stated = value.substring(1, value.length() - 3);
    } else if (value.startsWith("[") && value.endsWith("]") && value.indexOf("..") > 1) {
      int dots = value.indexOf("..");
      return between(
          stated(value.substring(1, dots), value),
          stated(value.substring(dots + 2, value.length() - 1), value));
    }
    return stated(stated, value).qualified(qualifier);
  }

  private static FactDate stated(String value, String written) {
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValue("date", "'" + abbreviate(written) + "' " + FORMS);
    }
    try {
      return switch (value.length()) {
        case 4 -> year(Integer.parseInt(value));
        case 7 -> {
          YearMonth month = YearMonth.parse(value);
          yield month(month.getYear(), month.getMonthValue());
        }
        case 10 -> of(LocalDate.parse(value));
        default -> throw new InvalidValue("date", FORMS);
      };
    } catch (NumberFormatException | DateTimeException e) {
      throw new InvalidValue("date", "'" + abbreviate(written) + "' " + FORMS);
    }
  }

  /** The first day this date may stand for under any reading. */
  public LocalDate earliest() {
    return switch (qualifier) {
      case AS_STATED, NO_EARLIER_THAN -> date;
      case CIRCA -> max(FIRST_DAY, step(date, -1));
      case NO_LATER_THAN -> FIRST_DAY;
      case BETWEEN -> date;
    };
  }

  /** The last day this date may stand for under any reading. */
  public LocalDate latest() {
    return switch (qualifier) {
      case AS_STATED, NO_LATER_THAN -> lastDay();
      case CIRCA -> lastDay(step(date, 1));
      case NO_EARLIER_THAN -> LAST_DAY;
      case BETWEEN -> end.lastDay();
    };
  }

  /** The last day of the date as stated: of its day, month or year, whatever its qualifier. */
  public LocalDate lastDay() {
    return lastDay(date);
  }

  /**
   * The day from which as-of questions count the fact as having happened: the first day of the
   * stated period, or for a date known only as a latest bound, or between two dates, the last day
   * of that bound, by which the fact certainly had happened.
   */
  public LocalDate countsFrom() {
    return switch (qualifier) {
      case NO_LATER_THAN -> lastDay();
      case BETWEEN -> end.lastDay();
      default -> date;
    };
  }

  /** True when this date lies after {@code day} under every reading. */
  public boolean isCertainlyAfter(LocalDate day) {
    return earliest().isAfter(day);
  }

  /**
   * Whether the fact had happened by the end of {@code day}: {@code TRUE} under every reading of
   * the date, {@code FALSE} under none, and {@code null} when the date's bounds leave it open.
   */
  public Boolean happenedBy(LocalDate day) {
    if (!latest().isAfter(day)) {
      return Boolean.TRUE;
    }
    return earliest().isAfter(day) ? Boolean.FALSE : null;
  }

  /** True when the date is only bounded: no later than, no earlier than, or between two dates. */
  public boolean isBounded() {
    return qualifier == DateQualifier.NO_LATER_THAN
        || qualifier == DateQualifier.NO_EARLIER_THAN
        || qualifier == DateQualifier.BETWEEN;
  }

  private LocalDate lastDay(LocalDate first) {
    return switch (precision) {
      case DAY -> first;
      case MONTH -> YearMonth.from(first).atEndOfMonth();
      case YEAR -> first.withDayOfYear(first.lengthOfYear());
    };
  }

  private LocalDate step(LocalDate first, int units) {
    return switch (precision) {
      case DAY -> first.plusDays(units);
      case MONTH -> first.plusMonths(units);
      case YEAR -> first.plusYears(units);
    };
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public int compareTo(FactDate other) {
    return TIMELINE_ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    String stated = stated();
    return switch (qualifier) {
      case AS_STATED -> stated;
      case CIRCA -> stated + "~";
      case NO_LATER_THAN -> "[.." + stated + "]";
      case NO_EARLIER_THAN -> "[" + stated + "..]";
      case BETWEEN -> "[" + stated + ".." + end.stated() + "]";
    };
  }

  /**
   * The date as stated, without its qualifier: {@code 2008}, {@code 2008-03} or a day; of a date
   * between two, the first.
   */
  public String stated() {
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
