/**
 * The registry's Axon event storage engine on MongoDB: one document per append under a dense,
 * gap-free commit number; aggregate sequences kept unique by a unique key; reads by {@code _id} and
 * unique key only; and a hash chain per aggregate with its verifier.
 */
package nl.partnershipregistry.eventstore;
