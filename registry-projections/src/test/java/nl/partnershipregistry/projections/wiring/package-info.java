/** The projection and query handlers registered in Axon as the application registers them. */
package nl.partnershipregistry.projections.wiring;
