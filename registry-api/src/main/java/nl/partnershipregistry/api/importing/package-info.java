/**
 * Importing history from JSON Lines files, over the web ({@code POST /api/import}) and at start-up
 * ({@code registry.import.file}, and the demo dataset on a first start); see {@code
 * docs/import.md}.
 */
package nl.partnershipregistry.api.importing;
