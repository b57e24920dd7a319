/**
 * The event store seen from the application: {@link nl.partnershipregistry.api.events.EventArchive}
 * exports events as stored, streams new ones and verifies hash chains.
 */
package nl.partnershipregistry.api.events;
