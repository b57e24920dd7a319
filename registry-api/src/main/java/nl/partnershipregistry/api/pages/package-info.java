/**
 * The pages a funder, a researcher and an auditor read in the browser: the registry list, a
 * partnership's state, durability and timeline, its renewal dossier (laid out for printing) and
 * what changed in what the registry knew between two moments, server-rendered with Thymeleaf in
 * English and Dutch. They sign in with a form and a session cookie ({@link
 * nl.partnershipregistry.api.pages.PageSecurityConfiguration}); the JSON API keeps HTTP Basic. The
 * pages ask the same query handlers through the same query gateway as the JSON API and compute
 * nothing of their own: they only choose words, formats and layout.
 */
package nl.partnershipregistry.api.pages;
