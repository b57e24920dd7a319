/**
 * The read models in MongoDB and the event handler that fills them: per partnership and per
 * organisation a small head with the global position last applied and its serialised events in
 * chunks of at most 50 ({@link nl.partnershipregistry.projections.views.EventStreams}), so that a
 * write costs the same however long the history, and a long history read again reads only what was
 * added since; per partnership when it was first and last recorded, which tells the questions
 * across partnerships whether what they computed is still right, and, kept in memory, which
 * partnerships this process's batches wrote since an earlier state of them ({@link
 * nl.partnershipregistry.projections.views.AllRecordings}); the position of the last batch written
 * whole and the read models' format, read models of an earlier format being upgraded in place.
 * Events are kept as the store's text, one text per event in a chunk with its position, instant and
 * type on a first line ({@link nl.partnershipregistry.projections.views.ChunkedEvent}), filed by
 * two fields read from it ({@link nl.partnershipregistry.projections.views.EventText}). A rebuild
 * fills the read models straight from the event store while their processor is stopped, a few
 * writes in all, and one cut short is done again before the processor starts ({@link
 * nl.partnershipregistry.projections.views.ReadModelRebuild}). Only finds by {@code _id}, inserts,
 * upserts, replaces and scans, which the embedded server and a real MongoDB both support.
 */
package nl.partnershipregistry.projections.views;
