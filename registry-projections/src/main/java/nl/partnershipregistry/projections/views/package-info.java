/**
 * The read models in MongoDB and the event handler that fills them: per partnership and per
 * organisation a document with its serialised events and the global position last applied, and a
 * small summary per partnership for the registry list, and the position of the last batch written
 * whole. Only finds by {@code _id}, upserts and scans, which the embedded server and a real MongoDB
 * both support.
 */
package nl.partnershipregistry.projections.views;
