/**
 * The events of a partnership's history: facts about the world (each dated with its precision) and
 * amendments (corrections and retractions) of earlier facts. All are records; {@code
 * docs/events.md} is their catalogue.
 */
package nl.partnershipregistry.core.partnership.event;
