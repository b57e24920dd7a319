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

  /** The rule for identifiers, in words, for every message and description that states it. */
  public static final String IDENTIFIER_RULE =
      "1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** Amounts (money, quantities): at most this many digits after the decimal point. */
  public static final int AMOUNT_SCALE = 2;

  /** Amounts: at most this many digits before the decimal point (below 10 trillion). */
  public static final int AMOUNT_INTEGER_DIGITS = 13;

  /** The rule for amounts, in words. */
  public static final String AMOUNT_RULE =
      "at most "
          + AMOUNT_INTEGER_DIGITS
          + " digits before the decimal point and "
          + AMOUNT_SCALE
          + " after it";

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
    wellFormed(trimmed, field);
    return trimmed;
  }

  /**
   * Text that is valid Unicode: no half of a surrogate pair on its own ({@code "\\ud800"} in JSON),
   * which no encoding can store and which would otherwise be replaced on the way to the disk.
   */
  public static String wellFormed(String value, String field) {
    int surrogate = loneSurrogate(value);
    if (surrogate >= 0) {
      throw new InvalidValue(
          field,
          "is not valid Unicode text: character "
              + (surrogate + 1)
              + " is half of a surrogate pair (U+"
              + Integer.toHexString(value.charAt(surrogate)).toUpperCase(java.util.Locale.ROOT)
              + ") on its own");
    }
    return value;
  }

  /** The index of the first half of a surrogate pair standing on its own, or -1. */
  public static int loneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * An identifier ({@link #IDENTIFIER_RULE}; letters and digits are ASCII), so that it is safe in a
   * URL path and a storage key, and as {@code docs/import.md} states it.
   */
  public static String identifier(String value, String field) {
    present(value, field);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new InvalidValue(field, "must be " + IDENTIFIER_RULE);
    }
    return value;
  }

  /**
   * A non-negative amount within {@link #AMOUNT_RULE}, exactly as given (trailing zeros dropped):
   * an amount is never rounded, so one beyond the limits is refused rather than changed.
   */
  public static BigDecimal nonNegative(BigDecimal value, String field) {
    present(value, field);
    if (value.signum() < 0) {
      throw new InvalidValue(field, "must not be negative");
    }
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    // Digits before the point, from precision and scale alone: 1E+999999999 is not expanded.
    long integerDigits = (long) value.precision() - value.scale();
    if (integerDigits > AMOUNT_INTEGER_DIGITS) {
      throw new InvalidValue(field, "is too large; an amount has " + AMOUNT_RULE);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > AMOUNT_SCALE) {
      throw new InvalidValue(
          field, "has too many decimals to be kept exactly; an amount has " + AMOUNT_RULE);
    }
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
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
