package nl.partnershipregistry.core.common;

import java.math.BigDecimal;

/**
 * A non-negative amount with its unit: what a partner promised or delivered, within the same limits
 * as {@link Money} ({@link Require#AMOUNT_RULE}), and how certain the source is of it: exact unless
 * the source hedges ("ongeveer 50" is {@link Exactness#APPROXIMATE}, "ruim 200" {@link
 * Exactness#AT_LEAST}). A quantity stored before the exactness existed reads as exact.
 */
public record Quantity(BigDecimal amount, Unit unit, Exactness exactness) {

  public Quantity {
    amount = Require.nonNegative(amount, "quantity.amount");
    Require.present(unit, "quantity.unit");
    exactness = exactness == null ? Exactness.EXACT : exactness;
  }

  /** An exact quantity. */
  public Quantity(BigDecimal amount, Unit unit) {
    this(amount, unit, Exactness.EXACT);
  }

  public static Quantity of(long amount, Unit unit) {
    return new Quantity(BigDecimal.valueOf(amount), unit);
  }

  /** About {@code amount}: "ongeveer", "circa". */
  public static Quantity about(long amount, Unit unit) {
    return new Quantity(BigDecimal.valueOf(amount), unit, Exactness.APPROXIMATE);
  }

  /** {@code amount} or more: "ruim", "meer dan". */
  public static Quantity atLeast(long amount, Unit unit) {
    return new Quantity(BigDecimal.valueOf(amount), unit, Exactness.AT_LEAST);
  }

  /** Compares the amounts as stated, whatever their exactness. */
  public boolean isLessThan(Quantity other) {
    return amount.compareTo(other.amount) < 0;
  }

  @Override
  public String toString() {
    String stated = amount.toPlainString() + " " + unit;
    return switch (exactness) {
      case EXACT -> stated;
      case APPROXIMATE -> "about " + stated;
      case AT_LEAST -> "at least " + stated;
    };
  }
}
