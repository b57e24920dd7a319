package nl.partnershipregistry.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Axon's storage-engine contract against a real MongoDB 7 running as a one-member replica set, with
 * write and read concern {@code majority}. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoEventStorageEngineContractIT
    extends BatchingEventStorageEngineTest<
        MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

  private static MongoClient client;

  @BeforeAll
  static void connect() {
    client = MongoClients.create(MONGO.getReplicaSetUrl());
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @BeforeEach
  void setUp() {
    setTestSubject(createEngine());
  }

  @Override
  protected MongoEventStorageEngine createEngine(
      UnaryOperator<MongoEventStorageEngine.Builder> customization) {
    return customization
        .apply(
            MongoEventStorageEngine.builder()
                .database(client.getDatabase("it-" + UUID.randomUUID().toString().substring(0, 8)))
                .majority(true))
        .build();
  }
}
