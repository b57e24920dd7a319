/**
 * Value objects every aggregate uses: fact dates with their precision, periods, money and
 * quantities with units, source citations, the recording (who and when), and the checks that guard
 * them.
 */
package nl.partnershipregistry.core.common;
