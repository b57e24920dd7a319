/** Who enrolled, dropped out and graduated, cohort by cohort (FindCohortOutcomes). */
package nl.partnershipregistry.projections.query.cohort;
