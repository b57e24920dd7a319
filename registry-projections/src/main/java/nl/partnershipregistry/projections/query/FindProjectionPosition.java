package nl.partnershipregistry.projections.query;

/**
 * How far have the read models come? Answered with a {@link ProjectionPosition}: a client that
 * wrote an event at position p reads its own write once the position has reached p.
 */
public record FindProjectionPosition() {}
