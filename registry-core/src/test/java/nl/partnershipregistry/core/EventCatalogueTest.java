package nl.partnershipregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.junit.jupiter.api.Test;

/** Keeps {@code docs/events.md} true to the event records: every event and every field. */
class EventCatalogueTest {

  private static final Set<String> COMMON_FIELDS =
      Set.of("partnershipId", "organisationId", "factId", "occurredOn", "source", "recorded");

  @Test
  void every_event_and_field_is_in_the_catalogue() throws Exception {
    String catalogue = Files.readString(Path.of("..", "docs", "events.md"));
    List<Class<?>> events = eventRecords();
    assertThat(events).as("event records found on the class path").hasSizeGreaterThan(30);

    for (Class<?> event : events) {
      String heading = "### `" + event.getSimpleName() + "`";
      assertThat(catalogue).as("catalogue heading for " + event.getSimpleName()).contains(heading);
      int start = catalogue.indexOf(heading);
      int end = catalogue.indexOf("\n### ", start + heading.length());
      String section = catalogue.substring(start, end < 0 ? catalogue.length() : end);
      for (RecordComponent component : event.getRecordComponents()) {
        if (!COMMON_FIELDS.contains(component.getName())) {
          assertThat(section)
              .as("field %s of %s", component.getName(), event.getSimpleName())
              .contains("| `" + component.getName() + "` |");
        }
      }
    }
  }

  private static List<Class<?>> eventRecords() throws IOException, URISyntaxException {
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> anchor : List.of(PartnershipEvent.class, OrganisationFact.class)) {
      Path folder =
          Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve(anchor.getPackageName().replace('.', '/'));
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String name = file.getFileName().toString().replace(".class", "");
          Class<?> type = load(anchor.getPackageName() + "." + name);
          if (type.isRecord()
              && (PartnershipEvent.class.isAssignableFrom(type)
                  || OrganisationFact.class.isAssignableFrom(type))) {
            records.add(type);
          }
        }
      }
    }
    return records;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
