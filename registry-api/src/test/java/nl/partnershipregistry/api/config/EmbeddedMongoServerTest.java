package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

  private static final int WAITING_WRITERS = 12;

  @TempDir Path folder;

  /**
   * The server applies a command on its connection's thread, where a write waits for a commit to
   * take its version: with twice the cores' threads for every connection, a question on a
   * connection that shares its thread with a waiting write waited with it.
   */
  @Test
  void a_question_is_answered_while_writes_on_a_dozen_other_connections_wait() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(WAITING_WRITERS);
    try (EmbeddedMongoServer server =
            new EmbeddedMongoServer(
                new RegistryProperties.Embedded(RegistryProperties.Mode.FILE, folder, 0));
        MongoClient reader = MongoClients.create(server.connectionString());
        MongoClient writer = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> read = reader.getDatabase("registry").getCollection("views");
      MongoCollection<Document> write = writer.getDatabase("registry").getCollection("views");
      read.insertOne(new Document("_id", "stbk").append("partners", 4));
      write.insertOne(new Document("_id", "warm-up"));
      DurableH2Backend backend = (DurableH2Backend) server.backend();

      List<CompletableFuture<Void>> writes = new ArrayList<>();
      Document answered =
          backend.withWritesWaiting(
              () -> {
                for (int i = 0; i < WAITING_WRITERS; i++) {
                  int n = i;
                  writes.add(
                      CompletableFuture.runAsync(
                          () -> write.insertOne(new Document("_id", "w" + n)), writers));
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                assertThat(writes).noneMatch(CompletableFuture::isDone);
                try {
                  return CompletableFuture.supplyAsync(
                          () -> read.find(Filters.eq("_id", "stbk")).first())
                      .get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new AssertionError("the question was not answered while writes waited", e);
                }
              });

      assertThat(answered).isEqualTo(new Document("_id", "stbk").append("partners", 4));
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      assertThat(read.countDocuments()).isEqualTo(2 + WAITING_WRITERS);
    } finally {
      writers.shutdownNow();
    }
  }
}
