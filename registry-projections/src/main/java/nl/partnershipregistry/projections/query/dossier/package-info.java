/**
 * The renewal dossier a funder reads before renewing a subsidy: commitments and delivery, funding,
 * durability and the facts behind them in one answer (FindRenewalDossier).
 */
package nl.partnershipregistry.projections.query.dossier;
