package nl.partnershipregistry.core.partnership.vocabulary;

import java.util.EnumSet;
import java.util.Set;
import nl.partnershipregistry.core.common.Unit;

/** What a partner promises. */
public enum CommitmentType {
  /** A contribution in money (EUR). */
  MONEY,
  /** Hours of staff time (HOURS or PERSONS). */
  STAFF_HOURS,
  /** Mentors or coaches (PERSONS or HOURS). */
  MENTORS,
  /** Study time for employees during working hours (HOURS). */
  STUDY_TIME,
  /** Placements, internships or apprenticeships (PLACES or PERSONS). */
  PLACEMENTS,
  /** Facilities or equipment, valued in EUR or counted in PLACES. */
  FACILITIES,
  /** A programme manager with mandate (PERSONS or HOURS). */
  PROGRAMME_MANAGER,
  /** Backing by the executive board (PERSONS). */
  EXECUTIVE_BACKING;

  /** The units in which a promise of this type can be counted. */
  public Set<Unit> units() {
    return switch (this) {
      case MONEY -> EnumSet.of(Unit.EUR);
      case STAFF_HOURS -> EnumSet.of(Unit.HOURS, Unit.PERSONS);
      case MENTORS, PROGRAMME_MANAGER -> EnumSet.of(Unit.PERSONS, Unit.HOURS);
      case STUDY_TIME -> EnumSet.of(Unit.HOURS);
      case PLACEMENTS -> EnumSet.of(Unit.PLACES, Unit.PERSONS);
      case FACILITIES -> EnumSet.of(Unit.EUR, Unit.PLACES);
      case EXECUTIVE_BACKING -> EnumSet.of(Unit.PERSONS);
    };
  }
}
