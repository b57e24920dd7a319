package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A file named at start-up is imported: valid lines applied, the rejected ones left out. */
@SpringBootTest(
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.file=src/test/resources/import/startup.jsonl"
    })
class StartupImportIT {

  @Autowired EventStore events;

  @Test
  void the_file_is_imported_at_start_up_without_its_rejected_line() {
    // Registered and the partner admitted; the admission dated before the start is refused.
    assertThat(events.readEvents("startup-hub").asStream().count()).isEqualTo(2);
    assertThat(events.readEvents("startup-school").asStream().count()).isEqualTo(1);
  }

  @Test
  void a_line_that_is_not_utf8_is_rejected_rather_than_stored_with_replaced_characters() {
    // Line 5 spells "Cafe" with a Latin-1 e-acute: read as UTF-8 it would become U+FFFD.
    assertThat(events.readEvents("startup-latin1").asStream().count()).isZero();
  }
}
