package nl.partnershipregistry.core.partnership.vocabulary;

/** The role an organisation plays in a partnership. */
public enum PartnerRole {
  /** The lead partner, in Dutch the penvoerder: holds the agreements and answers to funders. */
  LEAD,
  /** A core partner that carries the partnership. */
  CORE,
  /** A member or participant. */
  MEMBER,
  /** An advisor without obligations. */
  ADVISOR,
  /** An organisation that takes part as funder. */
  FUNDER
}
