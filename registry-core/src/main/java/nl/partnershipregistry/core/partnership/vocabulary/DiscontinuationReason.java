package nl.partnershipregistry.core.partnership.vocabulary;

/** Why a partnership ended, coded so that ends can be compared. */
public enum DiscontinuationReason {
  /** An economic crisis or downturn at the partners. */
  ECONOMIC_DOWNTURN,
  /** The subsidy that carried it ended. */
  SUBSIDY_ENDED,
  /** The lead partner withdrew. */
  LEAD_PARTNER_WITHDREW,
  /** A key person (pioneer, programme manager, sponsor) left. */
  KEY_PERSON_LEFT,
  /** A change of government or sector policy. */
  POLICY_CHANGE,
  /** Too few participants or companies. */
  TOO_FEW_PARTICIPANTS,
  /** Merged into or absorbed by another partnership or organisation. */
  MERGED_OR_ABSORBED,
  /** Its goals were achieved. */
  GOALS_ACHIEVED,
  /** Another reason, which the explanation must give. */
  OTHER
}
