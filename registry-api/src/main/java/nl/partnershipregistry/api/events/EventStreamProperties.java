package nl.partnershipregistry.api.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live streams of events, under {@code registry.events}.
 *
 * @param streamsPerUser the most streams ({@code /api/events/stream}) one user may hold open at
 *     once; one more is refused with 429
 */
@ConfigurationProperties("registry.events")
public record EventStreamProperties(@DefaultValue("20") int streamsPerUser) {}
