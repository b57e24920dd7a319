/**
 * The partnership's vocabulary, which its commands, its events and its rules all speak: the
 * identifiers of a partnership and of what it holds (commitments, funding, activities, cohorts, key
 * persons), and the coded values (kinds, phases, partner roles, commitment and funding types,
 * subsidy instruments, governance forms, discontinuation reasons, Katapult's axes). It depends on
 * nothing else of the partnership, so the aggregate, its commands and its events do not depend on
 * each other in a circle.
 */
package nl.partnershipregistry.core.partnership.vocabulary;
