/**
 * The pages a funder, a researcher and an auditor read in the browser: the registry list (filtered,
 * sorted, paged, on a chosen day), a partnership's state, funding, commitments, cohorts, durability
 * and timeline, its renewal dossier (laid out for printing) and what changed in what the registry
 * knew between two moments, the organisations and an organisation's track record, the survival
 * curves, and the audit (every hash chain verified, one partnership's recordings); and the
 * registrar's one form that writes, the import of a JSON Lines file through the JSON API's
 * importer. Server-rendered with Thymeleaf in English and Dutch, charts as inline SVG with a table
 * of the same figures ({@link nl.partnershipregistry.api.pages.FundingChart}, {@link
 * nl.partnershipregistry.api.pages.KatapultPlace}, {@link
 * nl.partnershipregistry.api.pages.SurvivalChart} only place the answers' figures). They sign in
 * with a form and a session cookie ({@link
 * nl.partnershipregistry.api.pages.PageSecurityConfiguration}); the JSON API keeps HTTP Basic. The
 * pages ask the same query handlers through the same query gateway as the JSON API and compute
 * nothing of their own: they only choose words, formats and layout. Every page that shows today as
 * known now takes in new facts without a reload ({@link
 * nl.partnershipregistry.api.pages.LiveUpdates}: server-sent events from the JSON API's event tail,
 * read by {@code /assets/pages/live.js}). A form's fields that could not be read are kept in {@link
 * nl.partnershipregistry.api.pages.FieldErrors}, and the two dates a page was asked for in {@link
 * nl.partnershipregistry.api.pages.PageMoment}, whose links keep them.
 */
package nl.partnershipregistry.api.pages;
