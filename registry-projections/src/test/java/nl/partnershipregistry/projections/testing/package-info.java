/**
 * Test support: the read models on the embedded server, histories built fact by fact, and the read
 * models' processor as the wiring tests register it.
 */
package nl.partnershipregistry.projections.testing;
