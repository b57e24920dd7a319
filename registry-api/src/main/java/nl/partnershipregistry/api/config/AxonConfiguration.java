package nl.partnershipregistry.api.config;

import com.fasterxml.jackson.databind.Module;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import nl.partnershipregistry.core.organisation.Organisation;
import nl.partnershipregistry.core.partnership.Partnership;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.eventstore.serialization.RegistryJackson;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: the registry's own MongoDB storage engine, JSON for every message, and
 * the aggregates registered by class, since the domain carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

  /** Messages, tokens and snapshots in the same JSON as the events. */
  @Bean
  @Primary
  Serializer serializer() {
    return JacksonSerializer.builder().objectMapper(RegistryJackson.eventMapper()).build();
  }

  @Bean
  @Qualifier("eventSerializer")
  Serializer eventSerializer() {
    return JacksonSerializer.builder().objectMapper(RegistryJackson.eventMapper()).build();
  }

  @Bean
  @Qualifier("messageSerializer")
  Serializer messageSerializer() {
    return JacksonSerializer.builder().objectMapper(RegistryJackson.eventMapper()).build();
  }

  @Bean
  EventStorageEngine eventStorageEngine(
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

  /**
   * Tracking tokens in MongoDB, so that instances sharing a database share their processors'
   * segments (axon-mongo's token store; its event storage is not used).
   */
  @Bean
  TokenStore tokenStore(MongoClient client, RegistryProperties properties, Serializer serializer) {
    return MongoTokenStore.builder()
        .mongoTemplate(
            DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.mongodb().database())
                .build())
        .serializer(serializer)
        .build();
  }

  /**
   * Aggregates stay in memory between commands, so that a command costs one append rather than a
   * read of the aggregate's events first. A stale entry (another instance changed the aggregate)
   * makes the append conflict on the aggregate's sequence; the command fails with a concurrency
   * error and the entry is dropped.
   */
  @Bean
  Cache aggregateCache() {
    return new WeakReferenceCache();
  }

  @Bean
  ConfigurerModule aggregates(Cache aggregateCache) {
    return configurer ->
        configurer
            .configureAggregate(
                AggregateConfigurer.defaultConfiguration(Partnership.class)
                    .configureCache(c -> aggregateCache))
            .configureAggregate(
                AggregateConfigurer.defaultConfiguration(Organisation.class)
                    .configureCache(c -> aggregateCache));
  }

  /** The web edge writes identifiers, fact dates and events the way the store does. */
  @Bean
  Module registryJacksonModule() {
    return RegistryJackson.module();
  }
}
