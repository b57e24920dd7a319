package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.*;

import nl.partnershipregistry.core.common.FactId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnershipSmokeTest {

  private FixtureConfiguration<Partnership> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Partnership.class);
  }

  @Test
  void can_register_then_admit_then_commit() {
    fixture
        .givenNoPriorActivity()
        .when(register(year(2001)))
        .expectSuccessfulHandlerExecution()
        .expectEvents(registered(year(2001)));
    FactId join = FactId.of("join");
    fixture
        .given(registered(year(2001)))
        .when(admit(join, HITECS, year(2001)))
        .expectEvents(admit(join, HITECS, year(2001)).toFact());
    FactId commitment = FactId.of("c");
    fixture
        .given(registered(year(2001)), joined(HITECS, year(2001)))
        .when(commit(commitment, "c1", HITECS, year(2003)))
        .expectEvents(commit(commitment, "c1", HITECS, year(2003)).toFact());
    fixture
        .given(registered(year(2001)))
        .when(commit(commitment, "c1", HITECS, year(2003)))
        .expectException(PartnerNotActive.class);
  }
}
