/**
 * Value objects every aggregate uses: fact dates with their precision, periods, money and
 * quantities with units (a quantity with its exactness: exact, approximate or a lower bound),
 * source citations, the recording (who and when), and the checks that guard them; and the
 * annotation by which a command says where it is published ({@code @Published}).
 */
package nl.partnershipregistry.core.common;
