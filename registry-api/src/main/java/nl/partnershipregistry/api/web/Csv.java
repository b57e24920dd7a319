package nl.partnershipregistry.api.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Tables as CSV (RFC 4180): a header line, then one line per row, fields quoted when needed. */
final class Csv {

  private final StringBuilder text = new StringBuilder();

  Csv(String... header) {
    row((Object[]) header);
  }

  Csv row(Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(field(fields[i]));
    }
    text.append("\r\n");
    return this;
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text =
        value instanceof Collection<?> many
            ? many.stream().map(String::valueOf).collect(Collectors.joining(" "))
            : value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    // A leading =, +, - or @ would be read as a formula by spreadsheets.
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static boolean isNumber(String text) {
    return text.matches("-?\\d+(\\.\\d+)?");
  }

  static String join(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
