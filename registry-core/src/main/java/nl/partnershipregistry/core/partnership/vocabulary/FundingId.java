package nl.partnershipregistry.core.partnership.vocabulary;

import nl.partnershipregistry.core.common.Require;

/** Identifies one funding within its partnership. */
public record FundingId(String value) {

  public FundingId {
    Require.identifier(value, "fundingId");
  }

  public static FundingId of(String value) {
    return new FundingId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
