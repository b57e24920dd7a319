/**
 * JSON for the registry's messages: the Jackson module that writes identifiers as strings, fact
 * dates as {@code 2008-03}, and events with their type name, used by the event store, the exports
 * and the web edge alike; the Axon serializer built on it ({@link
 * nl.partnershipregistry.eventstore.serialization.RegistrySerializer}), and the reading of the
 * instants the registry writes ({@link nl.partnershipregistry.core.common.IsoInstants}).
 */
package nl.partnershipregistry.eventstore.serialization;
