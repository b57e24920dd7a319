/**
 * What {@code /actuator/health} and its readiness group report beyond Spring Boot's own checks:
 * whether the registry's MongoDB database answers, and whether the read models may answer questions
 * (not while they are filled at start-up, by the start-up import or by a rebuild).
 */
package nl.partnershipregistry.api.health;
