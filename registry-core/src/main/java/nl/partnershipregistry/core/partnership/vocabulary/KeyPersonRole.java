package nl.partnershipregistry.core.partnership.vocabulary;

/** The roles of persons a partnership may hang on. */
public enum KeyPersonRole {
  /** The initiator who started it. */
  PIONEER,
  /** The manager who runs the programme. */
  PROGRAMME_MANAGER,
  /** A board member or director who backs it. */
  EXECUTIVE_SPONSOR,
  /** A coordinator or contact person. */
  COORDINATOR
}
