/**
 * The commands a registrar sends to a partnership: one per kind of fact, plus corrections and
 * retractions. Each checks its own values when it is made (missing, blank, too long, negative); the
 * aggregate checks whether the fact fits the history. Each says where it is published (its
 * collection's name and a summary, {@code @Published}), so the edges offer it without a list of
 * their own.
 */
package nl.partnershipregistry.core.partnership.command;
