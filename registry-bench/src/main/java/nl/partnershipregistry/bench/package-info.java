/** The benchmark command: the event store and the application measured under load. */
package nl.partnershipregistry.bench;
