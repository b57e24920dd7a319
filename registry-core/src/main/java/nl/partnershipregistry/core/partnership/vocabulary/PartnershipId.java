package nl.partnershipregistry.core.partnership.vocabulary;

import nl.partnershipregistry.core.common.Require;

/** Identifies a partnership, for example {@code stbk}. */
public record PartnershipId(String value) {

  public PartnershipId {
    Require.identifier(value, "partnershipId");
  }

  public static PartnershipId of(String value) {
    return new PartnershipId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
