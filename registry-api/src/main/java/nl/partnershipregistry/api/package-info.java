/**
 * The registry as a Spring Boot WebFlux application: the entry point here, the wiring in {@code
 * config}, the web edge in {@code web}.
 */
package nl.partnershipregistry.api;
