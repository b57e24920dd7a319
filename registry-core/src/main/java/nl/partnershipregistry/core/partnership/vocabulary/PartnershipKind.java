package nl.partnershipregistry.core.partnership.vocabulary;

/** The kinds of public-private partnership the registry holds. */
public enum PartnershipKind {
  /** A dual degree programme in which employees study while they work, such as STBK. */
  DUAL_TRAJECTORY,
  /** A regional technohub: at least two schools and companies around shared facilities. */
  TECHNOHUB,
  /** A Centre of Expertise (hbo) with companies. */
  CENTRE_OF_EXPERTISE,
  /** A Centre of Vocational Excellence or Centrum voor Innovatief Vakmanschap (mbo). */
  COVE_CIV,
  /** A project of the Regionaal Investeringsfonds mbo (RIF). */
  REGIONAL_INVESTMENT_FUND_PROJECT,
  /** A high-impact public-private partnership funded by the Nationaal Groeifonds. */
  HIGH_IMPACT_PPS,
  /** A Digitale Werkplaats. */
  DIGITAL_WORKPLACE,
  /** A platform run by or for employers. */
  EMPLOYER_PLATFORM,
  /** A learning company (leerbedrijf, leerhotel) where education runs inside a business. */
  LEARNING_COMPANY,
  /** An education concept spread over many schools, such as Technasium. */
  EDUCATION_CONCEPT,
  /** Any other form. */
  OTHER
}
