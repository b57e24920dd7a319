/**
 * A partnership's facts in valid-time order up to a date, as the state on that date rests on them
 * (FindTimeline).
 */
package nl.partnershipregistry.projections.query.timeline;
