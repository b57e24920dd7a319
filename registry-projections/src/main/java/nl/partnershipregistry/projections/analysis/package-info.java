/**
 * Computations on partnership histories in Java: a partnership's summary for the questions across
 * partnerships, read on every date from the state the domain's one fold gives ({@code
 * core.partnership.PartnershipAsOf}), organisations with their groups and mergers, funding spread
 * pro rata over years, and survival estimates.
 */
package nl.partnershipregistry.projections.analysis;
