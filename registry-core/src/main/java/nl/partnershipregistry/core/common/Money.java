package nl.partnershipregistry.core.common;

import java.math.BigDecimal;

/**
 * An amount of money in euros. All partnerships in the registry's sources are in the euro area;
 * amounts from before 2002 are recorded as their sources convert them.
 */
public record Money(BigDecimal euros) {

  public Money {
    euros = Require.nonNegative(euros, "amount");
  }

  public static Money euros(long euros) {
    return new Money(BigDecimal.valueOf(euros));
  }

  public static Money euros(String euros) {
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
