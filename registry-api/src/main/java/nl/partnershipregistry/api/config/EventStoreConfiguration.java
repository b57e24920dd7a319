package nl.partnershipregistry.api.config;

import com.mongodb.client.MongoDatabase;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where Axon keeps the events: the registry's own engine on MongoDB (module {@code
 * registry-eventstore}), in the database of {@link MongoConfiguration}, embedded or real. Kept to
 * this one bean so that the engine can be swapped in one place; Axon's {@code EmbeddedEventStore}
 * is built around it by Axon's auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

  @Bean
  MongoEventStorageEngine eventStorageEngine(
      MongoDatabase database,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      Serializer snapshotSerializer,
      RegistryProperties properties) {
    return MongoEventStorageEngine.builder()
        .database(database)
        .eventSerializer(eventSerializer)
        .snapshotSerializer(snapshotSerializer)
        .majority(properties.mongodb().isExternal())
        .build();
  }

  @Bean
  EventArchive eventArchive(MongoEventStorageEngine engine) {
    return new EventArchive(engine);
  }
}
