/**
 * Computations on partnership histories in Java: a partnership as it stood on a valid date, and its
 * summary for the questions across partnerships read from that same state on every date,
 * organisations with their groups and mergers, funding spread pro rata over years, and survival
 * estimates.
 */
package nl.partnershipregistry.projections.analysis;
