/**
 * The registry list: every partnership summarised on a date, searched and filtered
 * (FindPartnerships), from summaries kept per partnership along its timeline and, per valid date,
 * in a snapshot of every summary kept while it holds and, after a write, made from the last one and
 * the partnerships written (SummaryTimelines), with the summaries' own parts in one text for the
 * search's words to be looked for and scored at once, in columns to filter and count by and in the
 * order of names (OwnTexts).
 */
package nl.partnershipregistry.projections.query.registry;
