package nl.partnershipregistry.core.common;

/** The units in which partners promise and deliver. */
public enum Unit {
  /** Money, or the value of something given in kind. */
  EUR,
  /** Staff hours, study time, teaching time. */
  HOURS,
  /** Mentors, coaches, programme managers, sponsors. */
  PERSONS,
  /** Placements, apprenticeships, seats. */
  PLACES
}
