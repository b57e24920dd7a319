/**
 * How long partnerships lasted: Kaplan-Meier survival curves, overall and by kind, funding profile
 * and employer concentration, with the partnerships left out and why (FindSurvivalCurves).
 */
package nl.partnershipregistry.projections.query.survival;
