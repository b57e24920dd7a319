/**
 * Wiring: the settings, the MongoDB client (embedded server or {@code MONGODB_URI}), Axon with the
 * registry's own event storage engine, the aggregates, the read side's projection and query
 * handlers, commands and imports, and the API description.
 */
package nl.partnershipregistry.api.config;
