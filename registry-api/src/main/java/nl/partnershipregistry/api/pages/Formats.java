package nl.partnershipregistry.api.pages;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;

/**
 * Dates as a reader of the language writes them: "1 June 2005" and "1 juni 2005", a month as "June
 * 2005", a year as "2005" (a fact's date keeps its precision and its certainty: "c. 2009"), an
 * instant in the Netherlands' time; amounts in euros as the language writes them ("€ 1.234,56",
 * "€1,234.56"), numbers and shares likewise ("1.234,5", "45,7%"). The templates reach it as {@code
 * fmt}.
 */
public final class Formats {

  private static final ZoneId REGISTRY_ZONE = ZoneId.of("Europe/Amsterdam");

  private final Locale locale;

  Formats(Locale locale) {
    this.locale = locale;
  }

  /**
   * A fact's date with its precision and certainty: "2005", "June 2005", "c. 2009" ("ca. 2009"),
   * "no later than 23 November 2026" ("uiterlijk 23 november 2026"), "no earlier than 2015" ("niet
   * eerder dan 2015").
   */
  public String date(FactDate date) {
    if (date == null) {
      return "";
    }
    String stated = stated(date);
    boolean dutch = "nl".equals(locale.getLanguage());
    return switch (date.qualifier()) {
      case AS_STATED -> stated;
      case CIRCA -> (dutch ? "ca. " : "c. ") + stated;
      case NO_LATER_THAN -> (dutch ? "uiterlijk " : "no later than ") + stated;
      case NO_EARLIER_THAN -> (dutch ? "niet eerder dan " : "no earlier than ") + stated;
      case BETWEEN ->
          (dutch ? "tussen " : "between ")
              + stated
              + (dutch ? " en " : " and ")
              + stated(date.end());
    };
  }

  private String stated(FactDate date) {
    return switch (date.precision()) {
      case DAY -> day(date.date());
      case MONTH -> DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(date.date());
      case YEAR -> String.valueOf(date.date().getYear());
    };
  }

  /**
   * A date said after "by" ("existing by 2015", "uiterlijk 2015"): a date known only as a latest
   * bound without its "no later than", which "by" already says.
   */
  public String by(FactDate date) {
    return date == null ? "" : date(date.saidAfterBy());
  }

  public String day(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
  }

  public String moment(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale)
            .format(instant.atZone(REGISTRY_ZONE));
  }

  /** An instant to the second, for moments of knowledge that may lie minutes apart. */
  public String momentToTheSecond(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", locale)
            .format(instant.atZone(REGISTRY_ZONE));
  }

  /** An instant as the time control shows it: a day when it is the end of a Dutch day. */
  public String knownOnValue(Instant instant) {
    if (instant == null) {
      return "";
    }
    LocalDate day = instant.atZone(REGISTRY_ZONE).toLocalDate();
    Instant endOfDay = day.plusDays(1).atStartOfDay(REGISTRY_ZONE).toInstant().minusNanos(1);
    return endOfDay.equals(instant) ? day.toString() : instant.toString();
  }

  /** A fact's type in words: {@code PartnerAdmitted} as "Partner admitted". */
  public String words(String type) {
    if (type == null || type.isEmpty()) {
      return "";
    }
    String spaced = type.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** Euros with cents: "€ 1.234,56" in Dutch, "€1,234.56" in English; empty when unknown. */
  public String money(BigDecimal euros) {
    if (euros == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    String prefix = "nl".equals(locale.getLanguage()) ? "€ " : "€";
    return (euros.signum() < 0 ? "-" : "") + prefix + format.format(euros.abs());
  }

  public String money(Money money) {
    return money == null ? "" : money(money.euros());
  }

  /** A count or quantity as the language writes it, exact to two decimals: "1.234,5". */
  public String number(BigDecimal number) {
    if (number == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(number);
  }

  /** A fraction as a percentage with one decimal: 0.4567 as "45.7%" or "45,7%". */
  public String share(BigDecimal fraction) {
    if (fraction == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(fraction.movePointRight(2)) + "%";
  }

  /** A fraction as a whole percentage: 0.5 as "50%". */
  public String percent(BigDecimal fraction) {
    if (fraction == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMaximumFractionDigits(0);
    return format.format(fraction);
  }

  /**
   * What a fact says beyond its identity, date, source and recording, field by field ("Form: NONE;
   * Entity name: Convenant"), in the registry's own words: how a page shows a fact's content before
   * and after a correction.
   */
  public String details(Object fact) {
    if (fact == null || !fact.getClass().isRecord()) {
      return "";
    }
    List<String> fields = new ArrayList<>();
    for (RecordComponent component : fact.getClass().getRecordComponents()) {
      if (COMMON_FIELDS.contains(component.getName())) {
        continue;
      }
      Object value;
      try {
        value = component.getAccessor().invoke(fact);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      String text = value(value);
      if (!text.isEmpty()) {
        fields.add(words(component.getName()) + ": " + text);
      }
    }
    return String.join("; ", fields);
  }

  private static final Set<String> COMMON_FIELDS =
      Set.of("partnershipId", "factId", "occurredOn", "source", "recorded");

  private String value(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof FactDate date) {
      return date(date);
    }
    if (value instanceof Money money) {
      return money(money);
    }
    if (value instanceof Quantity quantity) {
      return number(quantity.amount()) + " " + quantity.unit();
    }
    if (value instanceof DateRange range) {
      return date(range.from()) + " – " + (range.until() == null ? "" : date(range.until()));
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(this::value).collect(Collectors.joining(", "));
    }
    if (value.getClass().isRecord() && value.getClass().getRecordComponents().length == 1) {
      return value(value(value.getClass().getRecordComponents()[0], value));
    }
    return value.toString();
  }

  private static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
