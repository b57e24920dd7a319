package nl.partnershipregistry.api.config;

import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.api.events.EventStreamProperties;
import nl.partnershipregistry.api.events.EventTail;
import nl.partnershipregistry.api.events.StreamLimit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live streams of events: one tail of the store that all of them follow, woken by every commit
 * this process stores, and the limit on the streams a user may hold open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamProperties.class)
public class EventStreamConfiguration {

  @Bean
  EventTail eventTail(EventArchive archive, EventStore eventStore) {
    EventTail tail = new EventTail(archive, EventTail.POLL, EventTail.WINDOW);
    // Axon hands the event store's subscribers each unit of work's events once they are stored.
    eventStore.subscribe(events -> tail.wake());
    return tail;
  }

  @Bean
  StreamLimit streamLimit(EventStreamProperties properties) {
    return new StreamLimit(properties.streamsPerUser());
  }
}
