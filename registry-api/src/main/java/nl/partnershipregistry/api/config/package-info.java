/**
 * Wiring: the settings, the MongoDB client (embedded server or {@code MONGODB_URI}), Axon with the
 * registry's own event storage engine, and the aggregates.
 */
package nl.partnershipregistry.api.config;
