/**
 * Computations on partnership histories in Java: a partnership as it stood on a valid date,
 * organisations with their groups and mergers, funding spread pro rata over years, and survival
 * estimates.
 */
package nl.partnershipregistry.projections.analysis;
