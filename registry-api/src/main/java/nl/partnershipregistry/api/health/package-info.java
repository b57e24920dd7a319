/**
 * What {@code /actuator/health} and its readiness group report beyond Spring Boot's own checks:
 * whether the registry's MongoDB database answers.
 */
package nl.partnershipregistry.api.health;
