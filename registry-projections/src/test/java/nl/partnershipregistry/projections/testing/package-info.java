/** Test support: the read models on the embedded server, and histories built fact by fact. */
package nl.partnershipregistry.projections.testing;
