package nl.partnershipregistry.core.partnership.vocabulary;

import nl.partnershipregistry.core.common.Require;

/**
 * Identifies one activity (programme, course, learning community, research project) within its
 * partnership.
 */
public record ActivityId(String value) {

  public ActivityId {
    Require.identifier(value, "activityId");
  }

  public static ActivityId of(String value) {
    return new ActivityId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
