package nl.partnershipregistry.core.partnership.vocabulary;

/** What kind of money carries a partnership. */
public enum FundingType {
  /** A subsidy, with its instrument. */
  SUBSIDY,
  /** Co-financing by partners. */
  CO_FINANCING,
  /** Fees paid by member companies. */
  MEMBER_FEES,
  /** Tuition or course fees paid by participants or their employers. */
  TUITION,
  /** Revenue from contracts, courses or services sold. */
  CONTRACT_REVENUE,
  /** Revenue from applied research commissioned by companies. */
  APPLIED_RESEARCH_REVENUE,
  /** The value of contributions in kind. */
  IN_KIND
}
