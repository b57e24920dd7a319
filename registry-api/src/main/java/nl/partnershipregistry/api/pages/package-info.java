/**
 * The pages a funder, a researcher and an auditor read in the browser: the registry list and a
 * partnership's state, funding, commitments, cohorts, durability and timeline, server-rendered with
 * Thymeleaf in English and Dutch, charts as inline SVG with a table of the same figures ({@link
 * nl.partnershipregistry.api.pages.FundingChart}, {@link
 * nl.partnershipregistry.api.pages.KatapultPlace} only place the answers' figures). They sign in
 * with a form and a session cookie ({@link
 * nl.partnershipregistry.api.pages.PageSecurityConfiguration}); the JSON API keeps HTTP Basic. The
 * pages ask the same query handlers through the same query gateway as the JSON API and compute
 * nothing of their own: they only choose words, formats and layout.
 */
package nl.partnershipregistry.api.pages;
