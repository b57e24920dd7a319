package nl.partnershipregistry.projections.query;

import nl.partnershipregistry.projections.testing.ReadModelFixture;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The read-model contract on a real MongoDB 7 (a one-member replica set). Skipped where no Docker
 * engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReadModelsOnMongoDbIT extends ReadModelContract {

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

  @Override
  protected ReadModelFixture fixture() {
    return ReadModelFixture.at(MONGO.getReplicaSetUrl());
  }
}
