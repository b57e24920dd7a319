/**
 * Who may do what: users and roles from configuration ({@code registry.security.users}), HTTP
 * Basic, and problem details for 401 and 403.
 */
package nl.partnershipregistry.api.security;
