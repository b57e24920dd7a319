package nl.partnershipregistry.core.partnership;

import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * A test fixture of the partnership aggregate, its commands routed as the application routes them.
 */
final class PartnershipFixture {

  private PartnershipFixture() {}

  static AggregateTestFixture<Partnership> create() {
    AggregateTestFixture<Partnership> fixture = new AggregateTestFixture<>(Partnership.class);
    fixture.registerCommandDispatchInterceptor(new FactCommandRouting());
    return fixture;
  }
}
