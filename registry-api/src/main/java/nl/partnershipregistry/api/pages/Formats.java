package nl.partnershipregistry.api.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.Money;

/**
 * Dates as a reader of the language writes them: "1 June 2005" and "1 juni 2005", a month as "June
 * 2005", a year as "2005" (a fact's date keeps its precision), an instant in the Netherlands' time;
 * amounts in euros as the language writes them ("€ 1.234,56", "€1,234.56"), numbers and shares
 * likewise ("1.234,5", "45,7%"). The templates reach it as {@code fmt}.
 */
public final class Formats {

  private static final ZoneId REGISTRY_ZONE = ZoneId.of("Europe/Amsterdam");

  private final Locale locale;

  Formats(Locale locale) {
    this.locale = locale;
  }

  public String date(FactDate date) {
    if (date == null) {
      return "";
    }
    return switch (date.precision()) {
      case DAY -> day(date.date());
      case MONTH -> DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(date.date());
      case YEAR -> String.valueOf(date.date().getYear());
    };
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
}
