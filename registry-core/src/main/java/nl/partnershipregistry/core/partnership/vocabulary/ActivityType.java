package nl.partnershipregistry.core.partnership.vocabulary;

/** What kind of activity a partnership runs. */
public enum ActivityType {
  /** A degree or diploma programme. */
  PROGRAMME,
  /** A course, module or training. */
  COURSE,
  /** A learning community or practitioners' network. */
  LEARNING_COMMUNITY,
  /** A (practice-based) research or innovation project. */
  RESEARCH_PROJECT,
  /** Another activity. */
  OTHER
}
