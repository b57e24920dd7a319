/**
 * Importing history from JSON Lines files, over the web ({@code POST /api/import}) and at start-up
 * ({@code registry.import.file}, and the demo dataset on a first start, marked begun and completed
 * so that a start after a crash finishes it); see {@code docs/import.md}.
 */
package nl.partnershipregistry.api.importing;
