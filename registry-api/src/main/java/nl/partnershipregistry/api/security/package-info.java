/**
 * Who may do what: users and roles from configuration ({@code registry.security.users}), HTTP
 * Basic, the refusal of writes from other sites' pages, the throttling of repeated failed sign-ins,
 * and problem details for 401, 403 and 429.
 */
package nl.partnershipregistry.api.security;
