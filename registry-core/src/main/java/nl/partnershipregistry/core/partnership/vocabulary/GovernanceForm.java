package nl.partnershipregistry.core.partnership.vocabulary;

/** The formal platform of a partnership. */
public enum GovernanceForm {
  /** A covenant or cooperation agreement (convenant). */
  COVENANT,
  /** A foundation (stichting). */
  FOUNDATION,
  /** A cooperative (coöperatie). */
  COOPERATIVE,
  /** An association (vereniging). */
  ASSOCIATION,
  /** No formal platform. */
  NONE
}
