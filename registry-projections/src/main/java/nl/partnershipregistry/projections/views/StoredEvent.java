package nl.partnershipregistry.projections.views;

import java.time.Instant;

/** One event as a read model holds it: its global position, when it was recorded, its payload. */
public record StoredEvent<E>(long position, Instant recordedAt, E event) {}
