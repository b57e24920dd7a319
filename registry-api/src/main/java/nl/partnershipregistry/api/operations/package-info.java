/** Running the registry: the read models' lag as a metric and their rebuild from the events. */
package nl.partnershipregistry.api.operations;
