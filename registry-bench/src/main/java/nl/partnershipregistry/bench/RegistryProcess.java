package nl.partnershipregistry.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The registry's executable jar run as a child process, as an operator runs it: the embedded file
 * backend in a data folder of its own, listening on 127.0.0.1 only, on a port free at each start.
 * It can be stopped, or killed with SIGKILL ({@link Process#destroyForcibly()}) and started again
 * on the same data folder. Its output goes to {@code registry.log} in the data folder's parent,
 * which stays when closing deletes the data folder.
 */
final class RegistryProcess implements AutoCloseable {

  static final Path JAR = Path.of("registry-api/target/registry-api-0.1.0-SNAPSHOT-exec.jar");

  private final Path dataDir;
  private final boolean keepData;
  private final List<String> settings;
  private final Path log;
  private volatile Process process;
  private int port;
  private long startedAt;

  RegistryProcess(Path dataDir, List<String> settings) {
    this(dataDir, settings, false);
  }

  /** With {@code keepData}, closing leaves the data folder for another run. */
  RegistryProcess(Path dataDir, List<String> settings, boolean keepData) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          "no executable jar at " + JAR.toAbsolutePath() + "; build with ./bench (or mvn package)");
    }
    this.dataDir = dataDir;
    this.keepData = keepData;
    this.settings = List.copyOf(settings);
    this.log = dataDir.resolveSibling("registry.log");
    // A run stopped with Ctrl-C leaves no registry behind.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (process != null) {
                    process.destroyForcibly();
                  }
                }));
  }

  /** Starts the application on the data folder, on a port free now; does not wait for it. */
  void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx2g");
    // JVM options of the registry alone (not the benchmark's), e.g. another garbage collector.
    String options = System.getenv("REGISTRY_JAVA_OPTIONS");
    if (options != null && !options.isBlank()) {
      command.addAll(List.of(options.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(JAR.toString());
    command.add("--server.address=127.0.0.1");
    command.add("--server.port=" + port);
    command.add("--registry.embedded.mode=file");
    command.add("--registry.embedded.data-dir=" + dataDir);
    command.add("--logging.level.root=WARN");
    command.add(
        "--registry.embedded.compression="
            + RegistryBenchmark.compression().name().toLowerCase(Locale.ROOT));
    command.addAll(settings);
    startedAt = System.nanoTime();
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** The web address of the running application: {@code http://127.0.0.1:port}. */
  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Nanoseconds ({@link System#nanoTime()}) at the last start. */
  long startedAt() {
    return startedAt;
  }

  /** The process id of the running application. */
  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL, as {@code kill -9}: the process ends at once; returns its exit code (137). */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the registry did not end after SIGKILL");
    }
    return process.exitValue();
  }

  /**
   * SIGTERM, then SIGKILL if it has not ended after 30 seconds; then deletes the data folder (the
   * log stays), unless it is to be kept.
   */
  @Override
  public void close() throws InterruptedException, IOException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
    if (!keepData && Files.isDirectory(dataDir)) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** The last lines of the application's output, for a report of a failed start. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  Path log() {
    return log;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
