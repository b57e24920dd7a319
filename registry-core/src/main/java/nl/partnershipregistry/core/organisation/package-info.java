/**
 * The organisation aggregate: employers, schools (with their level), government bodies, sector
 * organisations, training funds and others; their names over time, their groups (HiTecs in Stork)
 * and mergers. Its commands and events live here too.
 */
package nl.partnershipregistry.core.organisation;
