package nl.partnershipregistry.core.partnership.vocabulary;

/** The instrument a subsidy comes from. */
public enum SubsidyInstrument {
  /** Regionaal Investeringsfonds mbo. */
  RIF,
  /** Nationaal Groeifonds (for example high-impact PPS). */
  NATIONAAL_GROEIFONDS,
  /** European Regional Development Fund (EFRO). */
  EFRO,
  /** European Social Fund. */
  ESF,
  /** A sector plan. */
  SECTOR_PLAN,
  /** A pilot or experiment of the Ministry of Education (OCW). */
  OCW_PILOT,
  /** An O&O or A+O training fund, such as A+O Metalektro. */
  A_O_FUND,
  /** The SLIM scheme for learning in small and medium enterprises. */
  SLIM,
  /** A province or municipality. */
  REGIONAL_GOVERNMENT,
  /** Another instrument, named in the funding's conditions or funder. */
  OTHER
}
