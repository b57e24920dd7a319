/**
 * The registry's two time axes for queries: the valid date a question is about ({@code asOf}) and
 * the instant of knowledge it is asked from ({@code asKnownOn}).
 */
package nl.partnershipregistry.projections.time;
