package nl.partnershipregistry.core.common;

/** How precisely a source dates a fact: sources often say only "in 2008" or "in March 2008". */
public enum Precision {
  DAY,
  MONTH,
  YEAR
}
