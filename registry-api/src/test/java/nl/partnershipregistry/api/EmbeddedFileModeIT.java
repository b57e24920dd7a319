package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
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

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(RegistryApplication.class)
        .run(
            "--server.port=0",
            "--registry.embedded.mode=file",
            "--registry.embedded.data-dir=" + dataDir);
  }
}
