/**
 * The read models in MongoDB and the event handler that fills them: per partnership and per
 * organisation a document with its serialised events and the global position last applied, a small
 * summary per partnership for the registry list, and the projection's position. Only reads and
 * writes by {@code _id}, upserts and scans of small collections, which the embedded server and a
 * real MongoDB both support.
 */
package nl.partnershipregistry.projections.views;
