package nl.partnershipregistry.core.organisation;

/** The kinds of organisation that take part in partnerships. */
public enum OrganisationType {
  /** A company or other employer. */
  EMPLOYER,
  /** A school; its level says which (po, vo, mbo, hbo, wo). */
  SCHOOL,
  /** A ministry, province, municipality or other public body. */
  GOVERNMENT_BODY,
  /** A sector or branch organisation, such as FME. */
  SECTOR_ORGANISATION,
  /** An O&O or training fund. */
  TRAINING_FUND,
  /** A chamber of commerce. */
  CHAMBER_OF_COMMERCE,
  /** An intermediary or network organisation, such as Katapult. */
  INTERMEDIARY,
  /** A research institute, such as TNO. */
  RESEARCH_INSTITUTE
}
