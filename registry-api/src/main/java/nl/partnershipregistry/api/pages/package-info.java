/**
 * The pages a funder, a researcher and an auditor read in the browser: the registry list, a
 * partnership's state, durability and timeline, the organisations and an organisation's track
 * record, and the survival curves (an inline SVG with its tables), server-rendered with Thymeleaf
 * in English and Dutch. They sign in with a form and a session cookie ({@link
 * nl.partnershipregistry.api.pages.PageSecurityConfiguration}); the JSON API keeps HTTP Basic. The
 * pages ask the same query handlers through the same query gateway as the JSON API and compute
 * nothing of their own: they only choose words, formats and layout.
 */
package nl.partnershipregistry.api.pages;
