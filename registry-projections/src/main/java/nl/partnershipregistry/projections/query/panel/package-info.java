/**
 * The researchers' panel: one row per partnership and year with the measures a comparison needs
 * (FindPanel).
 */
package nl.partnershipregistry.projections.query.panel;
