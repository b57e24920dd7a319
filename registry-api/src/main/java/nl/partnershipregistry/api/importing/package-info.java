/**
 * Importing history from JSON Lines files, over the web ({@code POST /api/import}) and at start-up
 * ({@code registry.import.file}, and the demo dataset on a first start, marked begun and completed
 * so that a start after a crash finishes it); see {@code docs/import.md}. A file sent over the web
 * is read as bytes, each line bounded as a command is and the whole by {@code
 * registry.import.max-size}; a report lists at most the first 1,000 rejections.
 */
package nl.partnershipregistry.api.importing;
