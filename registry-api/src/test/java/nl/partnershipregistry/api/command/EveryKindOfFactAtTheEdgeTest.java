package nl.partnershipregistry.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.PartnershipCommand;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipEvents;
import org.junit.jupiter.api.Test;

/**
 * What a new kind of fact needs at the web edge besides its event, its command and its entry in the
 * domain's table of fact kinds: a web address for its command and a Dutch name on the pages. Both
 * are found from the sealed hierarchies, so a kind added without them fails here.
 */
class EveryKindOfFactAtTheEdgeTest {

  @Test
  void every_partnership_command_has_its_web_address_and_import_name() {
    List<Class<?>> commands =
        new java.util.ArrayList<>(Arrays.asList(PartnershipCommand.class.getPermittedSubclasses()));
    commands.add(CorrectFact.class);
    commands.add(RetractFact.class);

    assertThat(commands).hasSizeGreaterThan(30);
    for (Class<?> command : commands) {
      assertThat(CommandCatalogue.named(command.getSimpleName()))
          .as(command.getSimpleName() + " in the command catalogue")
          .hasValueSatisfying(entry -> assertThat(entry.commandClass()).isEqualTo(command));
    }
  }

  @Test
  void every_kind_of_partnership_event_has_a_dutch_name_on_the_pages() throws IOException {
    Properties dutch = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/messages_nl.properties")) {
      dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    List<Class<? extends PartnershipEvent>> types = PartnershipEvents.types();
    assertThat(types).hasSizeGreaterThan(30);
    for (Class<? extends PartnershipEvent> type : types) {
      assertThat(dutch.getProperty("fact." + type.getSimpleName()))
          .as("fact.%s in messages_nl.properties", type.getSimpleName())
          .isNotBlank();
    }
  }
}
