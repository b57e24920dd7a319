package nl.partnershipregistry.projections.query;

import nl.partnershipregistry.projections.testing.ReadModelFixture;

/** The read-model contract on the embedded server's in-memory backend. */
class ReadModelsOnEmbeddedServerTest extends ReadModelContract {

  @Override
  protected ReadModelFixture fixture() {
    return ReadModelFixture.embedded();
  }
}
