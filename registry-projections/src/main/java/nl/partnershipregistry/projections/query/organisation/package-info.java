/**
 * The organisations: their list, each one's profile with groups, mergers and the partnerships it
 * took part in (FindOrganisations, FindOrganisation).
 */
package nl.partnershipregistry.projections.query.organisation;
