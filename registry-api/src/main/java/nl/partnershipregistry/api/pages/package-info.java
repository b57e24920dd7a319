/**
 * The pages a funder, a researcher and an auditor read in the browser: the registry list and a
 * partnership's state, durability and timeline, server-rendered with Thymeleaf in English and
 * Dutch. They sign in with a form and a session cookie ({@link
 * nl.partnershipregistry.api.pages.PageSecurityConfiguration}); the JSON API keeps HTTP Basic. The
 * pages ask the same query handlers through the same query gateway as the JSON API and compute
 * nothing of their own: they only choose words, formats and layout. The registry page and a
 * partnership's page as known now take in new facts without a reload ({@link
 * nl.partnershipregistry.api.pages.LiveUpdates}: server-sent events from the JSON API's event tail,
 * read by {@code /assets/pages/live.js}).
 */
package nl.partnershipregistry.api.pages;
