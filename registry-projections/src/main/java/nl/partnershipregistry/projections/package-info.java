/** Placeholder; replaced as the module grows. */
package nl.partnershipregistry.projections;
