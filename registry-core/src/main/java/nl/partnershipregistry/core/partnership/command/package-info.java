/**
 * The commands a registrar sends to a partnership: one per kind of fact, plus corrections and
 * retractions. Each checks its own values when it is made (missing, blank, too long, negative); the
 * aggregate checks whether the fact fits the history.
 */
package nl.partnershipregistry.core.partnership.command;
