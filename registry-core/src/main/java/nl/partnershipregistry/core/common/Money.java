package nl.partnershipregistry.core.common;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of money in euros, exact: a decimal with at most {@value Require#AMOUNT_SCALE} decimals
 * (cents) and {@value Require#AMOUNT_INTEGER_DIGITS} digits before the point; an amount beyond
 * these is refused, never rounded. All partnerships in the registry's sources are in the euro area;
 * amounts from before 2002 are recorded as their sources convert them.
 */
public record Money(BigDecimal euros) {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  public Money {
    euros = Require.nonNegative(euros, "amount");
  }

  public static Money euros(long euros) {
    return new Money(BigDecimal.valueOf(euros));
  }

  /** Reads a decimal written with ASCII digits: {@code 1250.50}. */
  public static Money euros(String euros) {
    if (euros == null || euros.length() > 100 || !DECIMAL.matcher(euros).matches()) {
      throw new InvalidValue("amount", "is not a number");
    }
    try {
      return new Money(new BigDecimal(euros));
    } catch (NumberFormatException e) {
      throw new InvalidValue("amount", "is not a number");
    }
  }

  public Money plus(Money other) {
    return new Money(euros.add(other.euros));
  }

  public boolean exceeds(Money other) {
    return euros.compareTo(other.euros) > 0;
  }

  @Override
  public String toString() {
    return "EUR " + euros.toPlainString();
  }
}
