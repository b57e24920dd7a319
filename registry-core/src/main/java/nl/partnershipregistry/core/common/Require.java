package nl.partnershipregistry.core.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** The checks that value objects and messages run in their compact constructors. */
public final class Require {

  /** Names and short labels. */
  public static final int NAME_LENGTH = 200;

  /** Explanations, goals, findings and other free text. */
  public static final int TEXT_LENGTH = 4_000;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  private Require() {}

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidValue(field, "is required");
    }
    return value;
  }

  /** A required name: trimmed, not blank, at most {@link #NAME_LENGTH} characters. */
  public static String name(String value, String field) {
    return text(present(value, field), field, NAME_LENGTH);
  }

  /** Required free text: trimmed, not blank, at most {@link #TEXT_LENGTH} characters. */
  public static String text(String value, String field) {
    return text(present(value, field), field, TEXT_LENGTH);
  }

  /** Optional free text: {@code null} when absent or blank, otherwise trimmed and bounded. */
  public static String optionalText(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return text(value, field, TEXT_LENGTH);
  }

  /** Optional name: {@code null} when absent or blank, otherwise trimmed and bounded. */
  public static String optionalName(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return text(value, field, NAME_LENGTH);
  }

  private static String text(String value, String field, int maxLength) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidValue(field, "must not be blank");
    }
    if (trimmed.length() > maxLength) {
      throw new InvalidValue(field, "must be at most " + maxLength + " characters");
    }
    if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw new InvalidValue(field, "must not contain control characters");
    }
    return trimmed;
  }

  /**
   * An identifier: 1 to 100 letters, digits, dots, underscores, colons or hyphens, starting with a
   * letter or digit, so that it is safe in a URL path and a storage key.
   */
  public static String identifier(String value, String field) {
    present(value, field);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new InvalidValue(
          field,
          "must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }
    return value;
  }

  public static BigDecimal nonNegative(BigDecimal value, String field) {
    present(value, field);
    if (value.signum() < 0) {
      throw new InvalidValue(field, "must not be negative");
    }
    return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
  }

  public static int positive(int value, String field) {
    if (value <= 0) {
      throw new InvalidValue(field, "must be a positive number");
    }
    return value;
  }

  /** An optional list of texts, copied and made unmodifiable; each entry is free text. */
  public static List<String> texts(List<String> values, String field) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > 100) {
      throw new InvalidValue(field, "must hold at most 100 entries");
    }
    return values.stream().map(v -> text(v, field)).toList();
  }
}
