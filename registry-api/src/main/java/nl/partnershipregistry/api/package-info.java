/**
 * The registry as a Spring Boot WebFlux application: the entry point here, the wiring in {@code
 * config}, the web edge in {@code web}, commands from outside in {@code command}, imports in {@code
 * importing}, the event store as an archive in {@code events}, sign-in and roles in {@code
 * security}, health in {@code health}, and running the read side in {@code operations}.
 */
package nl.partnershipregistry.api;
