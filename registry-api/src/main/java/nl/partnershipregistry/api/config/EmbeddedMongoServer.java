package nl.partnershipregistry.api.config;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible server, in this process, on a loopback port: the registry talks
 * to it over TCP with the same driver and code as to a real MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

  /**
   * The threads that serve the connections, each connection on one of them for its life. The server
   * applies a command on its connection's thread, and a write waits there for its collection (and
   * for a commit of the file to take its version): with the server's default, twice the cores, a
   * rebuild's reads of the store shared a thread with its writes and waited behind them. With this
   * many, each of the connections a registry keeps busy has a thread of its own; an idle thread
   * only waits.
   */
  static final int CONNECTION_THREADS = 32;

  private final MongoBackend backend;
  private final MongoServer server;

  public EmbeddedMongoServer(RegistryProperties.Embedded settings) {
    if (settings.mode() == RegistryProperties.Mode.MEMORY) {
      backend = new MemoryBackend();
    } else {
      Path file = settings.dataDir().resolve("registry.mv");
      try {
        Files.createDirectories(settings.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data folder " + settings.dataDir(), e);
      }
      backend = new DurableH2Backend(file.toString(), settings.compression());
    }
    server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", settings.port()), 1, CONNECTION_THREADS);
    log.info(
        "Embedded MongoDB-compatible server ({}) on {}",
        settings.mode() == RegistryProperties.Mode.MEMORY
            ? "in memory"
            : "data in " + settings.dataDir().toAbsolutePath().normalize(),
        connectionString());
  }

  /**
   * What the file backend's store reports about its file ({@code info.FILE_SIZE}, {@code
   * info.FILE_WRITE_BYTES}, {@code info.FILL_RATE}, ...), the bytes written to its journal ({@code
   * journal.WRITE_BYTES}) and the steps its compactor took ({@code compactor.STEPS}, which stop
   * while it rests on an idle file it cannot improve): for measurements of what writes cost on
   * disk, and of reads on a file at rest. Empty in memory.
   */
  public Map<String, String> fileInfo() {
    Map<String, String> info = new LinkedHashMap<>();
    if (backend instanceof DurableH2Backend file) {
      file.getMvStore().getFileStore().populateInfo(info::put);
      info.put("journal.WRITE_BYTES", Long.toString(file.journalBytesWritten()));
      info.put("compactor.STEPS", Long.toString(file.compactionSteps()));
    }
    return info;
  }

  /**
   * Commits the file backend's store now, between write commands, rather than at its next period
   * (decision 70): for measurements that count a window's writes whole. Nothing in memory.
   */
  public void commitFile() {
    if (backend instanceof DurableH2Backend file) {
      file.commitNow();
    }
  }

  /**
   * Runs {@code work} with the file backend's compactor taking no step: for measurements of reads
   * alone, which an idle file's compaction would share the cores with (decision 77). Commits go on.
   * In memory, just runs it.
   */
  public <T> T withoutCompaction(Supplier<T> work) {
    return backend instanceof DurableH2Backend file ? file.withoutCompaction(work) : work.get();
  }

  /** The server's backend, for tests. */
  MongoBackend backend() {
    return backend;
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    backend.close();
  }
}
