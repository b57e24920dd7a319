package nl.partnershipregistry.core.partnership.vocabulary;

/** Katapult's first axis: who leads an activity. */
public enum LedFrom {
  /** Education leads; companies are partners or advisors; it happens at school (binnen). */
  INSIDE_EDUCATION,
  /** Education and companies as equals, or others lead; it happens outside the school (buiten). */
  OUTSIDE_EDUCATION
}
