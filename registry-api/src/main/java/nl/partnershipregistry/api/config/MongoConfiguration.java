package nl.partnershipregistry.api.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One MongoDB client for the whole registry: to the MongoDB named by {@code MONGODB_URI}, with
 * write and read concern {@code majority}, or else to the embedded server.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${registry.mongodb.uri:}'.isBlank()")
  EmbeddedMongoServer embeddedMongoServer(RegistryProperties properties) {
    return new EmbeddedMongoServer(properties.embedded());
  }

  @Bean(destroyMethod = "close")
  MongoClient mongoClient(
      RegistryProperties properties, ObjectProvider<EmbeddedMongoServer> embedded) {
    RegistryProperties.Mongodb mongodb = properties.mongodb();
    String uri =
        mongodb.isExternal()
            ? mongodb.uri()
            : Optional.ofNullable(embedded.getIfAvailable())
                .map(EmbeddedMongoServer::connectionString)
                .orElseThrow();
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
    if (mongodb.isExternal()) {
      settings.writeConcern(WriteConcern.MAJORITY).readConcern(ReadConcern.MAJORITY);
    }
    return MongoClients.create(settings.build());
  }

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, RegistryProperties properties) {
    return client.getDatabase(properties.mongodb().database());
  }
}
