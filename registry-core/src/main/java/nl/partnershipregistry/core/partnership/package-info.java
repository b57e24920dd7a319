/**
 * The partnership aggregate: its history on one timeline, the table of the kinds of fact it holds,
 * the rules that keep that history free of contradictions, and one exception per rule. Its
 * identifiers and coded values are in {@code vocabulary}, its commands in {@code command} and its
 * events in {@code event}.
 */
package nl.partnershipregistry.core.partnership;
