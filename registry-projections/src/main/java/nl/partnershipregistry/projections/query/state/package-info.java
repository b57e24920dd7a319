/**
 * A partnership as it stood on a date: phase, partners, funding, key persons and governance
 * (FindPartnershipState), from the domain's one fold.
 */
package nl.partnershipregistry.projections.query.state;
