package nl.partnershipregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.bench.PeerBenchmark.Missed;
import nl.partnershipregistry.eventstore.serialization.RegistrySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's late-writer scenario on the embedded server: a tracking processor follows the
 * store while one writer stores an event every 20 ms and another stores four events each three
 * seconds after creating it.
 */
class LateWriterIT {

  private final PeerBenchmark benchmark =
      new PeerBenchmark(RegistrySerializer.forEvents(), (mode, measure, figure) -> {});

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;

  @BeforeEach
  void start() {
    server = new EmbeddedMongoServer(new RegistryProperties.Embedded(Mode.MEMORY, dataDir, 0));
    client = MongoClients.create(server.connectionString());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void a_tracking_processor_on_our_engine_misses_no_event_of_a_late_writer() throws Exception {
    Missed missed = benchmark.lateWriter(benchmark.ours(client.getDatabase("ours")));

    assertThat(missed.stored()).isGreaterThan(4);
    assertThat(missed.missed()).isZero();
  }

  /**
   * Axon's own MongoDB engine: its tracking token is a timestamp with the event ids of the second
   * before it, so an event stored more than a second after it was created, behind events already
   * read, is skipped. Its count is reported, not asserted: the build does not depend on the peer's
   * fault.
   */
  @Test
  void the_late_writer_against_axons_engine_is_reported(TestReporter reporter) throws Exception {
    Missed missed = benchmark.lateWriter(benchmark.peer(client.getDatabase("peer")));

    reporter.publishEntry(
        "missed by Axon's engine", missed.missed() + " of " + missed.stored() + " events");
    assertThat(missed.stored()).isGreaterThan(4);
  }
}
