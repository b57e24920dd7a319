package nl.partnershipregistry.core.partnership.vocabulary;

/** Katapult's second axis: what kind of learning an activity offers. */
public enum LearningForm {
  /** Learning towards diplomas and certificates. */
  FORMAL,
  /** Learning and professional development by combining work, learning and innovation. */
  NON_FORMAL
}
