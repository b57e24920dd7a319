/**
 * The registry list: every partnership summarised on a date, searched and filtered
 * (FindPartnerships), from summaries kept per partnership along its timeline (SummaryTimelines).
 */
package nl.partnershipregistry.projections.query.registry;
