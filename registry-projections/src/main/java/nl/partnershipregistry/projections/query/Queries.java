package nl.partnershipregistry.projections.query;

/** Checks shared by the query records. */
final class Queries {

  private Queries() {}

  static <T> T require(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }
}
