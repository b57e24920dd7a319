/**
 * The partnership aggregate: its identifiers and vocabulary (kinds, phases, roles, commitment and
 * funding types, Katapult's axes), its history on one timeline, the rules that keep that history
 * free of contradictions, and one exception per rule.
 */
package nl.partnershipregistry.core.partnership;
