package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.HITECS;
import static nl.partnershipregistry.core.partnership.Facts.STARTED;
import static nl.partnershipregistry.core.partnership.Facts.admit;
import static nl.partnershipregistry.core.partnership.Facts.id;
import static nl.partnershipregistry.core.partnership.Facts.register;
import static nl.partnershipregistry.core.partnership.Facts.retract;
import static nl.partnershipregistry.core.partnership.Facts.year;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import java.util.List;
import nl.partnershipregistry.core.partnership.command.AdmitPartner;
import nl.partnershipregistry.core.partnership.command.PartnershipCommand;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

class FactCommandRoutingTest {

  private static CommandMessage<?> routed(Object command) {
    CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
    return new FactCommandRouting().handle(List.of(message)).apply(0, message);
  }

  @Test
  void a_command_recording_a_fact_goes_to_the_one_handler_with_its_payload_unchanged() {
    AdmitPartner admission = admit(id("joined-hitecs"), HITECS, year(2003));

    CommandMessage<?> message = routed(admission);

    assertThat(message.getCommandName())
        .isEqualTo(FactCommandRouting.RECORD_FACT)
        .isEqualTo(PartnershipCommand.class.getName());
    assertThat(message.getPayload()).isSameAs(admission);
  }

  @Test
  void a_registration_and_an_amendment_keep_their_own_handlers() {
    RegisterPartnership registration = register(STARTED);
    RetractFact retraction = retract(id("retraction"), id("joined-hitecs"));

    assertThat(routed(registration).getCommandName())
        .isEqualTo(RegisterPartnership.class.getName());
    assertThat(routed(retraction).getCommandName()).isEqualTo(RetractFact.class.getName());
  }

  @Test
  void a_command_sent_through_the_fixture_is_recorded_by_the_aggregate() {
    PartnershipFixture.create()
        .givenCommands(register(STARTED))
        .when(admit(id("joined-hitecs"), HITECS, year(2003)))
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(PartnerJoined.class))));
  }
}
