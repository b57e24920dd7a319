package nl.partnershipregistry.eventstore;

import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Axon's own contract for storage engines ({@code BatchingEventStorageEngineTest} and the tests it
 * inherits from {@code AbstractEventStorageEngineTest} and {@code EventStorageEngineTest}), run
 * against this engine on the embedded server.
 */
class MongoEventStorageEngineContractTest
    extends BatchingEventStorageEngineTest<
        MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

  private static EmbeddedMongo mongo;

  @BeforeAll
  static void startServer() {
    mongo = new EmbeddedMongo();
  }

  @AfterAll
  static void stopServer() {
    mongo.close();
  }

  @BeforeEach
  void setUp() {
    setTestSubject(createEngine());
  }

  @Override
  protected MongoEventStorageEngine createEngine(
      UnaryOperator<MongoEventStorageEngine.Builder> customization) {
    return customization
        .apply(MongoEventStorageEngine.builder().database(mongo.newDatabase()))
        .build();
  }
}
