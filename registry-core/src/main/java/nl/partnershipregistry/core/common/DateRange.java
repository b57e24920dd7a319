package nl.partnershipregistry.core.common;

/**
 * The period a commitment or a funding covers: from a date, until a date or open-ended ({@code
 * until} is {@code null}). Both ends keep the precision their source gives.
 */
public record DateRange(FactDate from, FactDate until) {

  public DateRange {
    Require.present(from, "period.from");
    if (until != null && until.latest().isBefore(from.earliest())) {
      throw new InvalidValue("period.until", "must not lie before period.from (" + from + ")");
    }
  }

  public static DateRange from(FactDate from) {
    return new DateRange(from, null);
  }

  public static DateRange between(FactDate from, FactDate until) {
    return new DateRange(from, until);
  }

  public boolean isOpenEnded() {
    return until == null;
  }

  @Override
  public String toString() {
    return from + ".." + (until == null ? "" : until.toString());
  }
}
