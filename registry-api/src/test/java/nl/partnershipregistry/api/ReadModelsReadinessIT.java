package nl.partnershipregistry.api;

import static nl.partnershipregistry.api.StartedRegistry.DEMO_PARTNERSHIPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.partnershipregistry.api.StartedRegistry.Answer;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness and questions while the read models are filled: after a start that finds them behind
 * the event store, and during a rebuild. An existing partnership is answered or refused with 503,
 * never reported missing, and readiness says {@code UP} only once every partnership is answered.
 */
class ReadModelsReadinessIT {

  @TempDir Path dataDir;

  @Test
  void after_a_crash_during_a_rebuild_every_partnership_is_answered_and_none_reported_missing()
      throws Exception {
    List<String> partnerships;
    try (StartedRegistry first = StartedRegistry.started(dataDir)) {
      first.awaitReady();
      partnerships = partnershipIds(first);
    }
    crashDuringARebuild();

    List<Answer> whileNotReady = new ArrayList<>();
    try (StartedRegistry second = StartedRegistry.started(dataDir)) {
      while (!second.isReady()) {
        Answer answer = second.get("auditor", "/api/partnerships/stbk");
        if (answer.status() == 200 && second.isReady()) {
          // Readiness came between the two looks: the answer is of a registry that is ready.
          break;
        }
        whileNotReady.add(answer);
        Thread.sleep(100);
      }

      for (String id : partnerships) {
        assertThat(second.get("auditor", "/api/partnerships/" + id).status())
            .as("partnership %s once readiness says UP", id)
            .isEqualTo(200);
      }
      // The rebuild is done again before the processor starts, so the start may find nothing
      // left to catch up with; whatever it answered before readiness was a refusal.
      assertThat(whileNotReady)
          .allSatisfy(
              answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.retryAfter()).isPresent();
                assertThat(answer.body().get("reason").asText()).isEqualTo("catching-up");
              });
    }
  }

  @Test
  void during_a_rebuild_an_existing_partnership_is_never_reported_missing() throws Exception {
    try (StartedRegistry registry = StartedRegistry.started(dataDir)) {
      registry.awaitReady();
      List<String> partnerships = partnershipIds(registry);
      // The partnership registered last is replayed last, so it is missing longest.
      String last = lastRegisteredPartnership();
      JsonNode before = registry.get("auditor", "/api/partnerships/" + last).body();

      Queue<Answer> during = new ConcurrentLinkedQueue<>();
      AtomicBoolean asking = new AtomicBoolean(true);
      ExecutorService askers = Executors.newFixedThreadPool(3);
      for (int i = 0; i < 3; i++) {
        askers.submit(
            () -> {
              while (asking.get()) {
                during.add(registry.get("auditor", "/api/partnerships/" + last));
              }
              return null;
            });
      }
      Thread.sleep(200);
      assertThat(registry.post("registrar", "/api/projections/rebuild").status()).isEqualTo(202);
      registry.awaitReady();
      Thread.sleep(200);
      asking.set(false);
      askers.shutdown();
      assertThat(askers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      assertThat(during)
          .as("questions asked while the rebuild ran")
          .anyMatch(a -> a.status() == 503);
      assertThat(during)
          .allSatisfy(
              answer -> {
                assertThat(answer.status()).as("%s", answer.body()).isIn(200, 503);
                if (answer.status() == 200) {
                  assertThat(answer.body().get("phase")).isEqualTo(before.get("phase"));
                  assertThat(answer.body().get("partners")).isEqualTo(before.get("partners"));
                } else {
                  assertThat(answer.retryAfter()).isPresent();
                  assertThat(answer.body().get("detail").asText())
                      .isEqualTo(
                          "The read models are being rebuilt from the event store; ask again in a"
                              + " few seconds.");
                }
              });
      assertThat(partnershipIds(registry)).containsExactlyInAnyOrderElementsOf(partnerships);
    }
  }

  private static String lastRegisteredPartnership() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String last = null;
    for (String line : StartedRegistry.demoLines()) {
      JsonNode command = json.readTree(line);
      if (command.get("type").asText().equals("RegisterPartnership")) {
        last = command.get("partnershipId").asText();
      }
    }
    return last;
  }

  /**
   * What a process killed during a rebuild leaves at worst: the rebuild recorded as begun, the read
   * models emptied (and filled in part, which the rebuild done again empties anyway), and the
   * processor's token set after the last event but still claimed by the killed process, so that the
   * next start has to wait for the claim to time out before its processor goes on.
   */
  private void crashDuringARebuild() {
    EmbeddedMongoServer server =
        new EmbeddedMongoServer(
            new RegistryProperties.Embedded(RegistryProperties.Mode.FILE, dataDir, 0));
    try (server;
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase database = client.getDatabase("registry");
      MongoTokenStore tokens =
          MongoTokenStore.builder()
              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
              .serializer(JacksonSerializer.defaultSerializer())
              .nodeId("killed-process")
              .build();
      TrackingToken reached = tokens.fetchToken(ReadModels.PROCESSING_GROUP, 0);
      tokens.storeToken(reached, ReadModels.PROCESSING_GROUP, 0);
      database
          .getCollection(ReadModels.POSITIONS)
          .insertOne(
              new Document("_id", "rebuild").append("upTo", reached.position().orElseThrow()));
      for (String collection :
          List.of(
              ReadModels.PARTNERSHIP_EVENTS,
              ReadModels.ORGANISATION_EVENTS,
              ReadModels.PARTNERSHIP_SUMMARIES)) {
        database.getCollection(collection).deleteMany(new Document());
      }
      database
          .getCollection(ReadModels.POSITIONS)
          .updateOne(
              new Document("_id", ReadModels.PROCESSING_GROUP),
              new Document("$set", new Document("lastApplied", -1L)));
    }
  }

  /** The demo dataset's partnerships, once the list shows them all. */
  private static List<String> partnershipIds(StartedRegistry registry) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Answer list = registry.get("researcher", "/api/partnerships?size=100");
      if (list.status() == 200 && list.body().get("total").asLong() == DEMO_PARTNERSHIPS) {
        return list.body().get("items").findValuesAsText("partnershipId");
      }
      assertThat(System.nanoTime()).as("all partnerships listed within 60 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
