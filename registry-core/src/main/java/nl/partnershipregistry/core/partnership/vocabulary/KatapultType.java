package nl.partnershipregistry.core.partnership.vocabulary;

/**
 * Katapult's four types of public-private partnership for lifelong learning, from its two axes: who
 * leads (inside or outside education) and what kind of learning (formal or non-formal). A
 * partnership's type is the centre of gravity of its active activities and can shift over time.
 */
public enum KatapultType {
  /** Ontwikkelaar: led from inside education, non-formal learning (co-creating knowledge). */
  DEVELOPER,
  /** Opleider: led from inside education, formal learning; companies advise. */
  TRAINER,
  /** Katalysator: led from outside education by a joint team, non-formal learning. */
  CATALYST,
  /** Ondernemer: led from outside education, formal learning in jointly owned facilities. */
  ENTREPRENEUR;

  public static KatapultType of(LedFrom ledFrom, LearningForm learningForm) {
    return switch (ledFrom) {
      case INSIDE_EDUCATION -> learningForm == LearningForm.FORMAL ? TRAINER : DEVELOPER;
      case OUTSIDE_EDUCATION -> learningForm == LearningForm.FORMAL ? ENTREPRENEUR : CATALYST;
    };
  }
}
