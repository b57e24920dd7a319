package nl.partnershipregistry.core.organisation;

/** Dutch school levels. */
public enum SchoolLevel {
  /** Primary education (primair onderwijs). */
  PO,
  /** Secondary education (voortgezet onderwijs). */
  VO,
  /** Secondary vocational education (middelbaar beroepsonderwijs). */
  MBO,
  /** Higher professional education, universities of applied sciences (hoger beroepsonderwijs). */
  HBO,
  /** University education (wetenschappelijk onderwijs). */
  WO
}
