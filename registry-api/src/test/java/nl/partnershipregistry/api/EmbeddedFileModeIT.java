package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The file mode of the embedded server keeps what was written across a restart. */
class EmbeddedFileModeIT {

  @TempDir Path dataDir;

  @Test
  void a_document_survives_a_restart_of_the_application() {
    try (ConfigurableApplicationContext first = start()) {
      first
          .getBean(MongoDatabase.class)
          .getCollection("restart-check")
          .insertOne(new Document("_id", "kept").append("note", "written before the restart"));
    }

    try (ConfigurableApplicationContext second = start()) {
      Document kept =
          second
              .getBean(MongoDatabase.class)
              .getCollection("restart-check")
              .find(new Document("_id", "kept"))
              .first();
      assertThat(kept).isNotNull();
      assertThat(kept.getString("note")).isEqualTo("written before the restart");
    }
    assertThat(dataDir.resolve("registry.mv")).isRegularFile();
  }

  @Test
  void events_survive_a_restart_of_the_application() {
    try (ConfigurableApplicationContext first = start()) {
      first
          .getBean(CommandGateway.class)
          .sendAndWait(
              new RegisterPartnership(
                  PartnershipId.of("douai"),
                  FactId.of("douai-registered"),
                  FactDate.year(1991),
                  "Douai Business School",
                  PartnershipKind.DUAL_TRAJECTORY,
                  "Douai",
                  null,
                  null,
                  null,
                  SourceCitation.of("000_824d176abdbc5ecc.txt", "Douai Business School 1991-2013"),
                  Recording.of(Instant.parse("2026-11-23T09:00:00Z"), "registrar")));
    }

    try (ConfigurableApplicationContext second = start()) {
      assertThat(second.getBean(EventStore.class).readEvents("douai").asStream().count())
          .isEqualTo(1);
    }
  }

  @Test
  void the_demo_dataset_is_loaded_on_the_first_start_only() {
    long stored;
    try (ConfigurableApplicationContext first = start("--registry.import.demo=first-start")) {
      EventStore events = first.getBean(EventStore.class);
      assertThat(events.readEvents("stbk").asStream().count()).isGreaterThan(5);
      stored = first.getBean(MongoEventStorageEngine.class).head();
    }

    try (ConfigurableApplicationContext second = start("--registry.import.demo=first-start")) {
      assertThat(second.getBean(MongoEventStorageEngine.class).head()).isEqualTo(stored);
    }
  }

  private ConfigurableApplicationContext start(String... more) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.port=0");
    arguments.add("--registry.embedded.mode=file");
    arguments.add("--registry.embedded.data-dir=" + dataDir);
    arguments.addAll(List.of(more));
    if (arguments.stream().noneMatch(a -> a.startsWith("--registry.import.demo="))) {
      arguments.add("--registry.import.demo=never");
    }
    return new SpringApplicationBuilder(RegistryApplication.class)
        .run(arguments.toArray(String[]::new));
  }
}
