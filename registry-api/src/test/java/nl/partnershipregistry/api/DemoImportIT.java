package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.api.StartedRegistry.Answer;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.api.importing.DemoImportMark;
import nl.partnershipregistry.api.importing.ImportReport;
import nl.partnershipregistry.api.importing.Importer;
import nl.partnershipregistry.api.importing.StartupImport;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo import of a first start ends with the whole dataset, also when the process was killed
 * during it, and the questions asked while it runs are refused rather than answered from part of
 * it.
 */
class DemoImportIT {

  @TempDir Path dataDir;

  @Test
  void a_demo_import_cut_short_by_a_crash_is_completed_on_the_next_start() throws Exception {
    List<String> demo = StartedRegistry.demoLines();
    try (StartedRegistry first = StartedRegistry.started(dataDir, "--registry.import.demo=never")) {
      // What a kill -9 half-way through the first start's import leaves: the mark begun, not
      // completed, and the first half of the lines applied.
      ConfigurableApplicationContext context = first.context();
      new DemoImportMark(context.getBean(MongoDatabase.class))
          .begun(StartupImport.DEMO_DATASET, Instant.now());
      ImportReport half =
          context
              .getBean(Importer.class)
              .importLines(demo.subList(0, demo.size() / 2), StartupImport.DEMO_RECORDER);
      assertThat(half.rejected()).isZero();
    }

    try (StartedRegistry second =
        StartedRegistry.started(dataDir, "--registry.import.demo=first-start")) {
      assertTheWholeDemoDatasetIsStored(second, demo);
    }
  }

  @Test
  void a_first_start_killed_during_its_demo_import_is_completed_on_the_next_start()
      throws Exception {
    List<String> demo = StartedRegistry.demoLines();
    killDuringTheDemoImport();
    MarkAndHead killed = markAndHead();
    assertThat(killed.mark()).isEqualTo(DemoImportMark.State.BEGUN);
    assertThat(killed.commits()).as("commits stored when killed").isLessThan(demo.size());

    try (StartedRegistry second =
        StartedRegistry.started(dataDir, "--registry.import.demo=first-start")) {
      assertTheWholeDemoDatasetIsStored(second, demo);
    }
  }

  @Test
  void a_store_that_begins_with_a_demo_import_never_marked_complete_is_completed()
      throws Exception {
    // A store written before demo imports were marked, by a first start killed during its import.
    List<String> demo = StartedRegistry.demoLines();
    try (StartedRegistry first = StartedRegistry.started(dataDir, "--registry.import.demo=never")) {
      ImportReport part =
          first
              .context()
              .getBean(Importer.class)
              .importLines(demo.subList(0, demo.size() / 3), StartupImport.DEMO_RECORDER);
      assertThat(part.rejected()).isZero();
    }

    try (StartedRegistry second =
        StartedRegistry.started(dataDir, "--registry.import.demo=first-start")) {
      assertTheWholeDemoDatasetIsStored(second, demo);
    }
  }

  @Test
  void questions_asked_during_the_first_start_import_are_refused_not_answered_from_part_of_it()
      throws Exception {
    List<Answer> whileLoading = new ArrayList<>();
    try (StartedRegistry registry =
        StartedRegistry.starting(dataDir, "--registry.import.demo=first-start")) {
      // Ask from the moment the port opens until the registry is ready.
      while (!registry.isStarted() || !registry.isReady()) {
        whileLoading.add(registry.get("researcher", "/api/partnerships/stbk/durability"));
        whileLoading.add(registry.get("researcher", "/api/partnerships?size=100"));
      }
      Answer durability = registry.get("researcher", "/api/partnerships/stbk/durability");
      Answer list = registry.get("researcher", "/api/partnerships?size=100");
      assertThat(durability.status()).isEqualTo(200);
      assertThat(list.body().get("total").asLong()).isEqualTo(StartedRegistry.DEMO_PARTNERSHIPS);

      assertThat(whileLoading)
          .as("every answer while the demo data load: a refusal, or the whole data")
          .allSatisfy(
              answer -> {
                if (answer.status() == 200) {
                  assertSameAnswer(answer.body(), durability.body(), list.body());
                } else {
                  assertThat(answer.status()).isEqualTo(503);
                  assertThat(answer.retryAfter()).isPresent();
                  assertThat(answer.body().get("detail").asText())
                      .isEqualTo("The demo data are being loaded; ask again in a few seconds.");
                  assertThat(answer.body().get("reason").asText()).isEqualTo("loading-demo");
                }
              });
      assertThat(whileLoading).anyMatch(answer -> answer.status() == 503);
    }
  }

  /**
   * Starts the registry in a process of its own on the data folder and kills it with SIGKILL 1.5 s
   * after it said that it imports the demo dataset (the mark is written before that line): the
   * whole import takes seconds.
   */
  private void killDuringTheDemoImport() throws Exception {
    KilledRegistry.killAfter(dataDir, "Importing the demo dataset", Duration.ofMillis(1500));
  }

  /** The demo import's mark and the number of commits in the data folder. */
  private record MarkAndHead(DemoImportMark.State mark, long commits) {}

  private MarkAndHead markAndHead() {
    EmbeddedMongoServer server =
        new EmbeddedMongoServer(
            new RegistryProperties.Embedded(RegistryProperties.Mode.FILE, dataDir, 0));
    try (server;
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase database = client.getDatabase("registry");
      MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).build();
      return new MarkAndHead(new DemoImportMark(database).state(), engine.head() + 1);
    }
  }

  private static void assertTheWholeDemoDatasetIsStored(StartedRegistry registry, List<String> demo)
      throws Exception {
    ConfigurableApplicationContext context = registry.context();
    assertThat(new DemoImportMark(context.getBean(MongoDatabase.class)).state())
        .isEqualTo(DemoImportMark.State.COMPLETED);
    // Every line of the dataset is in the store: importing it once more changes nothing.
    ImportReport again =
        context.getBean(Importer.class).importLines(demo, StartupImport.DEMO_RECORDER);
    assertThat(again.rejected()).as("%s", again.rejections()).isZero();
    assertThat(again.applied()).isZero();
    assertThat(again.unchanged()).isEqualTo(demo.size());

    registry.awaitReady();
    Answer list = registry.get("researcher", "/api/partnerships?size=100");
    assertThat(list.body().get("total").asLong()).isEqualTo(StartedRegistry.DEMO_PARTNERSHIPS);
    Answer timeline = registry.get("auditor", "/api/partnerships/stbk/timeline");
    assertThat(timeline.status()).isEqualTo(200);
    assertThat(timeline.body().get("entries").size())
        .isEqualTo(
            demo.stream().filter(line -> line.contains("\"partnershipId\":\"stbk\"")).count());
  }

  /** An answer given while loading is the one given once the whole dataset is there. */
  private static void assertSameAnswer(JsonNode answer, JsonNode durability, JsonNode list) {
    if (answer.has("total")) {
      assertThat(answer.get("total")).isEqualTo(list.get("total"));
      assertThat(answer.get("countsByPhase")).isEqualTo(list.get("countsByPhase"));
    } else {
      assertThat(answer.get("summary")).isEqualTo(durability.get("summary"));
      assertThat(answer.get("indicators").findValuesAsText("verdict"))
          .isEqualTo(durability.get("indicators").findValuesAsText("verdict"));
    }
  }
}
