/**
 * Running the registry: the read models' lag as a metric, their rebuild straight from the event
 * store, and whether they may answer questions while they fill (start-up, start-up import,
 * rebuild).
 */
package nl.partnershipregistry.api.operations;
