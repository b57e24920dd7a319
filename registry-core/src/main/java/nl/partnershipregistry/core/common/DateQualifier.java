package nl.partnershipregistry.core.common;

/**
 * How certain a source is of a date, beside its {@link Precision}: the date as stated, about that
 * date ("circa 12 jaar geleden"), only a bound ("by the time of the report", "not before 2015"), or
 * two ("between the first diplomas in 2005 and the end in 2008"). The written forms follow the
 * Extended Date/Time Format (ISO 8601-2, EDTF): {@code 2009~} for circa, {@code [..2021-05]} for on
 * or before, {@code [2015..]} for on or after, {@code [2005..2008]} for between.
 */
public enum DateQualifier {
  /** Within the stated day, month or year. */
  AS_STATED,
  /** About the stated date: within one unit of its precision either side ("circa 2009"). */
  CIRCA,
  /** On or before the stated date, how long before not known ("no later than 2021-05"). */
  NO_LATER_THAN,
  /** On or after the stated date, how long after not known ("no earlier than 2015"). */
  NO_EARLIER_THAN,
  /**
   * On or after the stated date and on or before a second one ("between 2005 and 2008"): a fact, or
   * a count of facts such as graduations, the source places only within a period.
   */
  BETWEEN
}
