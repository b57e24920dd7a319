package nl.partnershipregistry.api.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.mongodb.client.MongoClient;
import nl.partnershipregistry.eventstore.serialization.RegistryJackson;
import nl.partnershipregistry.eventstore.serialization.RegistrySerializer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: JSON for every message, token and snapshot, and the processors' tokens
 * in MongoDB. The event storage engine is in {@link EventStoreConfiguration}, the aggregates in
 * {@link AggregateRegistration}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

  /**
   * The one mapping of the registry's messages ({@link RegistryJackson}: records, identifiers as
   * strings, fact dates as text, {@code java.time} as ISO-8601), plus {@code Optional}, so that a
   * message with an optional field is not refused.
   */
  static ObjectMapper messageMapper() {
    return RegistryJackson.eventMapper().registerModule(new Jdk8Module());
  }

  /** Messages, tokens and snapshots in the same JSON as the events. */
  @Bean
  @Primary
  Serializer serializer() {
    return RegistrySerializer.using(messageMapper());
  }

  @Bean
  @Qualifier("eventSerializer")
  Serializer eventSerializer() {
    return RegistrySerializer.using(messageMapper());
  }

  @Bean
  @Qualifier("messageSerializer")
  Serializer messageSerializer() {
    return RegistrySerializer.using(messageMapper());
  }

  /**
   * Tracking tokens in MongoDB, so that instances sharing a database share their processors'
   * segments (axon-mongo's token store; its event storage is not used), their claims extended at
   * most every {@value PacedClaimExtensions#EXTEND_EVERY_MILLIS} ms ({@link PacedClaimExtensions}).
   */
  @Bean
  TokenStore tokenStore(MongoClient client, RegistryProperties properties, Serializer serializer) {
    return new PacedClaimExtensions(
        MongoTokenStore.builder()
            .mongoTemplate(
                DefaultMongoTemplate.builder()
                    .mongoDatabase(client, properties.mongodb().database())
                    .build())
            .serializer(serializer)
            .build());
  }

  /** The web edge writes identifiers, fact dates and events the way the store does. */
  @Bean
  Module registryJacksonModule() {
    return RegistryJackson.module();
  }

  /**
   * Amounts on the web as exact as in the store: fractions read as decimals (a stored payload the
   * web edge reads as a tree), decimals written in plain notation with the digits they have.
   */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer exactDecimals() {
    return builder ->
        builder
            .featuresToEnable(
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .postConfigurer(
                mapper ->
                    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false));
  }
}
