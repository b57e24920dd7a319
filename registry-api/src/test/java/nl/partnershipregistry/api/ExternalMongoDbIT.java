package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With a MongoDB address ({@code MONGODB_URI}, here as {@code registry.mongodb.uri}) the registry
 * starts no embedded server, uses that database, and writes and reads with concern {@code
 * majority}. A server outside the application stands in for the real MongoDB, which needs Docker.
 */
class ExternalMongoDbIT {

  private EmbeddedMongoServer outside;

  @BeforeEach
  void startOutsideServer() {
    outside =
        new EmbeddedMongoServer(
            new RegistryProperties.Embedded(RegistryProperties.Mode.MEMORY, null, 0));
  }

  @AfterEach
  void stopOutsideServer() {
    outside.close();
  }

  @Test
  void the_registry_uses_the_given_mongodb_with_majority_concerns() {
    try (ConfigurableApplicationContext registry =
        new SpringApplicationBuilder(RegistryApplication.class)
            .run(
                "--server.port=0",
                "--registry.mongodb.uri=" + outside.connectionString(),
                "--registry.mongodb.database=elsewhere")) {

      assertThat(registry.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
      assertThat(registry.getBeansOfType(MongoClient.class)).hasSize(1);
      MongoDatabase database = registry.getBean(MongoDatabase.class);
      assertThat(database.getName()).isEqualTo("elsewhere");
      assertThat(database.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
      assertThat(database.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);

      database.getCollection("probe").insertOne(new Document("_id", "through-the-registry"));
      try (MongoClient direct = MongoClients.create(outside.connectionString())) {
        assertThat(
                direct
                    .getDatabase("elsewhere")
                    .getCollection("probe")
                    .find(new Document("_id", "through-the-registry"))
                    .first())
            .isNotNull();
      }

      String port = registry.getEnvironment().getProperty("local.server.port");
      WebTestClient.bindToServer()
          .baseUrl("http://localhost:" + port)
          .defaultHeaders(headers -> headers.setBasicAuth("auditor", "auditor"))
          .build()
          .get()
          .uri("/actuator/health/readiness")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP")
          .jsonPath("$.components.mongodb.details.server")
          .isEqualTo("MONGODB_URI");
    }
  }
}
