package nl.partnershipregistry.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.organisation.OrganisationCommand;
import nl.partnershipregistry.core.organisation.RegisterOrganisation;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.FulfilCommitment;
import nl.partnershipregistry.core.partnership.command.PartnershipCommand;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipEvents;
import org.junit.jupiter.api.Test;

/**
 * What a new kind of fact needs at the web edge besides its event, its command (with its {@link
 * Published} address) and its entry in the domain's table of fact kinds: nothing in the code, and
 * its name in Dutch for the pages. The command catalogue is read from the sealed hierarchies, so a
 * command is offered as soon as it exists, and refused at start when it is not published well.
 */
class EveryKindOfFactAtTheEdgeTest {

  @Test
  void every_command_of_the_sealed_hierarchies_is_offered_at_the_address_it_publishes() {
    List<Class<?>> commands =
        new ArrayList<>(Arrays.asList(PartnershipCommand.class.getPermittedSubclasses()));
    commands.add(CorrectFact.class);
    commands.add(RetractFact.class);
    commands.addAll(Arrays.asList(OrganisationCommand.class.getPermittedSubclasses()));

    assertThat(CommandCatalogue.values())
        .extracting(CommandCatalogue::commandClass)
        .containsExactlyElementsOf(commands);
    for (Class<?> command : commands) {
      Published published = command.getAnnotation(Published.class);
      assertThat(CommandCatalogue.named(command.getSimpleName()))
          .as(command.getSimpleName() + " in the command catalogue")
          .hasValueSatisfying(
              entry -> {
                assertThat(entry.commandClass()).isEqualTo(command);
                assertThat(entry.segment()).isEqualTo(published.collection());
                assertThat(entry.summary()).isEqualTo(published.summary());
              });
    }
  }

  @Test
  void addresses_follow_the_aggregate_the_command_is_for() {
    assertThat(CommandCatalogue.of(RegisterPartnership.class).path())
        .isEqualTo("/api/partnerships");
    assertThat(CommandCatalogue.of(FulfilCommitment.class).path())
        .isEqualTo("/api/partnerships/{partnershipId}/commitment-fulfilments");
    assertThat(CommandCatalogue.of(RegisterOrganisation.class).path())
        .isEqualTo("/api/organisations");
    assertThat(CommandCatalogue.at(CommandCatalogue.Target.ORGANISATION, "name"))
        .map(CommandCatalogue::commandName)
        .hasValue("RenameOrganisation");
    assertThat(CommandCatalogue.at(CommandCatalogue.Target.PARTNERSHIP, "name"))
        .map(CommandCatalogue::commandName)
        .hasValue("RenamePartnership");
  }

  @Test
  void a_command_without_its_address_stops_the_catalogue() {
    assertThatThrownBy(() -> CommandCatalogue.read(List.of(Probe.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Unpublished")
        .hasMessageContaining("@Published");
  }

  @Test
  void two_commands_at_one_address_stop_the_catalogue() {
    assertThatThrownBy(() -> CommandCatalogue.read(List.of(Clash.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Second")
        .hasMessageContaining("/api/partnerships/{partnershipId}/notes");
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

  sealed interface Probe permits Published1, Unpublished {}

  @Published(collection = "notes", summary = "Records a note.")
  record Published1() implements Probe {}

  record Unpublished() implements Probe {}

  sealed interface Clash permits First, Second {}

  @Published(collection = "notes", summary = "Records a note.")
  record First() implements Clash {}

  @Published(collection = "notes", summary = "Records another note.")
  record Second() implements Clash {}
}
