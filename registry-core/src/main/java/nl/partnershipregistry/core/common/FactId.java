package nl.partnershipregistry.core.common;

/**
 * Identifies one recorded fact (one event) within the registry. Clients may choose it, which makes
 * a repeated submission of the same fact recognisable; a correction or retraction names the fact it
 * amends by this id.
 */
public record FactId(String value) {

  public FactId {
    Require.identifier(value, "factId");
  }

  public static FactId of(String value) {
    return new FactId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
