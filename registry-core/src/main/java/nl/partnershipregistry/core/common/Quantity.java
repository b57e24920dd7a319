package nl.partnershipregistry.core.common;

import java.math.BigDecimal;

/**
 * A non-negative amount with its unit: what a partner promised or delivered. The amount is exact,
 * within the same limits as {@link Money} ({@link Require#AMOUNT_RULE}).
 */
public record Quantity(BigDecimal amount, Unit unit) {

  public Quantity {
    amount = Require.nonNegative(amount, "quantity.amount");
    Require.present(unit, "quantity.unit");
  }

  public static Quantity of(long amount, Unit unit) {
    return new Quantity(BigDecimal.valueOf(amount), unit);
  }

  public boolean isLessThan(Quantity other) {
    return amount.compareTo(other.amount) < 0;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + unit;
  }
}
