package nl.partnershipregistry.core.partnership.vocabulary;

import nl.partnershipregistry.core.common.Require;

/** Identifies one commitment within its partnership. */
public record CommitmentId(String value) {

  public CommitmentId {
    Require.identifier(value, "commitmentId");
  }

  public static CommitmentId of(String value) {
    return new CommitmentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
