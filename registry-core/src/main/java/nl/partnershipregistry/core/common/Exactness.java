package nl.partnershipregistry.core.common;

/**
 * How certain a source is of an amount: "150" is exact, "ongeveer 50" or "circa 1 miljoen" is
 * approximate, "ruim 200" or "meer dan 30" is a lower bound. Sources hedge their figures often, and
 * a registry that drops the hedge says more than the source did.
 */
public enum Exactness {
  /** The amount as stated, neither more nor less. */
  EXACT,
  /** About the amount ("ongeveer", "circa"): it may be somewhat more or somewhat less. */
  APPROXIMATE,
  /** The amount or more ("ruim", "meer dan", "minstens"): no upper limit is known. */
  AT_LEAST;

  /**
   * The exactness of a sum of parts: exact only when every part is; a lower bound when any part is
   * one (the sum has no known upper limit, and any approximate part makes its lower limit itself
   * approximate); approximate otherwise when any part is.
   */
  public Exactness and(Exactness other) {
    if (this == AT_LEAST || other == AT_LEAST) {
      return AT_LEAST;
    }
    if (this == APPROXIMATE || other == APPROXIMATE) {
      return APPROXIMATE;
    }
    return EXACT;
  }

  /**
   * A count's exactness from a message that gives the flag {@code approximate}, the exactness, or
   * both: without an exactness, approximate or exact as the flag says; an exact count cannot be
   * approximate.
   */
  public static Exactness of(boolean approximate, Exactness exactness) {
    if (exactness == null) {
      return approximate ? APPROXIMATE : EXACT;
    }
    if (exactness == EXACT && approximate) {
      throw new InvalidValue("exactness", "EXACT contradicts approximate: true");
    }
    return exactness;
  }

  /** Whether the amount is the whole truth: exact. */
  public boolean isExact() {
    return this == EXACT;
  }
}
