/**
 * Running the registry: the read models' lag as a metric, their rebuild straight from the event
 * store, whether they may answer questions while they fill (start-up, start-up import, rebuild),
 * and the warm-up after a start (the registry list's summaries, today's survival curves).
 */
package nl.partnershipregistry.api.operations;
