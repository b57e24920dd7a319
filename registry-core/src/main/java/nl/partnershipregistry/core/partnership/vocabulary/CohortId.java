package nl.partnershipregistry.core.partnership.vocabulary;

import nl.partnershipregistry.core.common.Require;

/** Identifies one cohort of participants within its partnership. */
public record CohortId(String value) {

  public CohortId {
    Require.identifier(value, "cohortId");
  }

  public static CohortId of(String value) {
    return new CohortId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
