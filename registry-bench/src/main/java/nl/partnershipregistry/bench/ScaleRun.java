package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryHttp.format;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the registry grows: the same data set at two sizes, a tenth and the whole of {@code events}
 * (default 1,000,000), each stored through the engine on the file backend ({@link
 * GeneratedRegistry}: partnerships of {@value #EVENTS_PER_PARTNERSHIP} events, and {@value
 * #LONG_PARTNERSHIPS} of a twentieth of {@code events} together, at most {@value #LONG_EVENTS}
 * each, at both sizes), with the events' JSON as stored and the data folder against it (running
 * right after storing, running once left idle ({@link #idleFolder}), and after the storing process
 * stopped cleanly, which compacts the file) and what the file holds by collection ({@link
 * StorageBreakdown}), then the executable jar started on it as a child process; per size: the time
 * from start to readiness {@code UP}, the first registry question after it, the resident memory,
 * and the p50 and p99 of each question under {@value #READERS} concurrent readers and {@value
 * #WRITERS} writers for {@code seconds} (default {@value #SECONDS}). Then the ratio of each p99 at
 * the large size to the small one, against the target: no more than 3 (the cost grows no faster
 * than about the square root of the data), and the registry list's and the survival curves' p99
 * under 300 ms at the large size. Usage: {@code ./bench scale [events] [seconds] [folder]}: with a
 * folder, the data folder of the whole size is copied there once stored, for {@code ./bench
 * questions}.
 */
final class ScaleRun {

  static final long EVENTS = 1_000_000;
  static final int EVENTS_PER_PARTNERSHIP = 100;
  static final int LONG_PARTNERSHIPS = 5;
  static final int LONG_EVENTS = 10_000;
  static final int READERS = 8;
  static final int WRITERS = 2;
  static final int SECONDS = 60;
  static final double TARGET_RATIO = 3;
  static final double TARGET_ACROSS_MS = 300;

  /** The most the data folder may hold, as a multiple of the stored events' JSON. */
  static final double TARGET_STORAGE = 4;

  /**
   * How the data folder is watched once the storing registry is left idle ({@link #idleFolder}):
   * every so many seconds, until it has not shrunk by so many percent for so many seconds, at most
   * so long.
   */
  static final int IDLE_LOOK_SECONDS = 5;

  static final int IDLE_GAIN_PERCENT = 1;
  static final int IDLE_STEADY_SECONDS = 60;
  static final int IDLE_MOST_SECONDS = 600;

  /** Where the picture of the curve goes: beside the other results, not in the sources. */
  static final Path PLOT = Path.of("bench-results", "how-it-grows.png");

  /** What the readers ask, in turn, and what the writers do. */
  enum Question {
    STATE("state", "state `GET /api/partnerships/{id}`"),
    DURABILITY("durability", "durability `GET /api/partnerships/{id}/durability`"),
    TIMELINE("timeline", "timeline `GET /api/partnerships/{id}/timeline`"),
    SEARCH("list, search", "registry list, search `GET /api/partnerships?text=Twente`"),
    FILTER(
        "list, filters",
        "registry list, filters `GET /api/partnerships?kind=TECHNOHUB&phase=STRUCTURAL`"),
    SURVIVAL("survival", "survival `GET /api/analytics/survival`"),
    COMMAND("command (writers)", "command `POST /api/partnerships/{id}/evaluations` (writers)");

    final String shortLabel;
    final String label;

    Question(String shortLabel, String label) {
      this.shortLabel = shortLabel;
      this.label = label;
    }
  }

  private static final List<Question> READ = List.of(Question.values()).subList(0, 6);

  private final long events;
  private final int longEvents;
  private final Duration measured;
  private final ReportTable report = new ReportTable();

  /**
   * Where the data folder of the larger size is copied once stored, for {@code ./bench questions};
   * null: nowhere.
   */
  private final Path keepInto;

  ScaleRun(long events, int seconds) {
    this(events, seconds, null);
  }

  ScaleRun(long events, int seconds, Path keepInto) {
    if (events < 20_000) {
      throw new IllegalArgumentException("at least 20000 events, not " + events);
    }
    this.events = events;
    // A twentieth of the events in the long partnerships: 10,000 each at a million.
    this.longEvents = (int) Math.min(LONG_EVENTS, events / 20 / LONG_PARTNERSHIPS);
    this.measured = Duration.ofSeconds(seconds);
    this.keepInto = keepInto;
  }

  static ScaleRun of(String[] args) {
    return new ScaleRun(
        args.length > 1 ? Long.parseLong(args[1]) : EVENTS,
        args.length > 2 ? Integer.parseInt(args[2]) : SECONDS,
        args.length > 3 ? Path.of(args[3]) : null);
  }

  void run() throws Exception {
    Path root = Files.createTempDirectory("registry-scale");
    Map<Long, Map<Question, Latencies>> bySize = new LinkedHashMap<>();
    for (long size : List.of(events / 10, events)) {
      bySize.put(size, measure(root.resolve("data-" + size), size));
    }
    long small = events / 10;
    Map<Question, Latencies> atSmall = bySize.get(small);
    Map<Question, Latencies> atLarge = bySize.get(events);
    for (Question question : Question.values()) {
      double ratio = atLarge.get(question).percentile(99) / atSmall.get(question).percentile(99);
      boolean across =
          question == Question.SEARCH
              || question == Question.FILTER
              || question == Question.SURVIVAL;
      double large = atLarge.get(question).percentile(99);
      row(
          "growth",
          question.label + format(": p99 at %,d events / at %,d", events, small),
          format(
              "%.2f (%.1f / %.1f ms); target <= %.0f: %s%s",
              ratio,
              large,
              atSmall.get(question).percentile(99),
              TARGET_RATIO,
              ratio <= TARGET_RATIO ? "met" : "**NOT met**",
              across
                  ? format(
                      "; p99 < %.0f ms at %,d: %s",
                      TARGET_ACROSS_MS, events, large < TARGET_ACROSS_MS ? "met" : "**NOT met**")
                  : ""));
    }
    List<GrowthPlot.Bar> bars = new ArrayList<>();
    for (Question question : Question.values()) {
      bars.add(
          new GrowthPlot.Bar(
              question.shortLabel,
              atSmall.get(question).percentile(99),
              atLarge.get(question).percentile(99)));
    }
    Path plot =
        GrowthPlot.draw(
            PLOT,
            format("How it grows: p99 under %d readers and %d writers", READERS, WRITERS),
            format("%,d events", small),
            format("%,d events", events),
            TARGET_ACROSS_MS,
            bars);
    row("growth", "the curve, as a picture", plot.toAbsolutePath().toString());
    report.print(
        format(
            "`./bench scale %d %d`: file backend, the executable jar as a child",
            events, measured.toSeconds()));
  }

  /**
   * The questions alone, on a data folder a scale run stored before (its registry stopped): a copy
   * of it, so that the folder stays as it was for the next run. Usage: {@code ./bench questions
   * <data folder> [seconds]}.
   */
  static void questionsOn(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: questions <data folder> [seconds]");
    }
    Path stored = Path.of(args[1]);
    if (!Files.isRegularFile(stored.resolve("registry.mv"))) {
      throw new IllegalArgumentException(stored + " holds no registry.mv");
    }
    ScaleRun run = new ScaleRun(EVENTS, args.length > 2 ? Integer.parseInt(args[2]) : SECONDS);
    Path copy = Files.createTempDirectory("registry-questions").resolve("data");
    copyFolder(stored, copy);
    run.ask(copy, stored.toString(), -1);
    run.report.print(
        format(
            "`./bench questions %s %d`: file backend, the executable jar as a child",
            stored, run.measured.toSeconds()));
  }

  /** Copies the files of a stopped registry's data folder into {@code into}, made if need be. */
  private static void copyFolder(Path folder, Path into) throws Exception {
    Files.createDirectories(into);
    try (var files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, into.resolve(file.getFileName()));
      }
    }
  }

  /** One size: the data set stored, the registry started on it, the questions asked. */
  private Map<Question, Latencies> measure(Path dataDir, long size) throws Exception {
    int partnerships =
        (int) ((size - (long) LONG_PARTNERSHIPS * longEvents) / EVENTS_PER_PARTNERSHIP);
    store(dataDir, partnerships);
    if (keepInto != null && size == events) {
      copyFolder(dataDir, keepInto);
    }
    return ask(dataDir, format("%,d events", size), partnerships);
  }

  /**
   * The registry started on the data folder and the questions asked; {@code partnerships} of 100
   * events beside the long ones (-1: as many as the registry lists, less the long ones).
   */
  private Map<Question, Latencies> ask(Path dataDir, String at, int partnerships) throws Exception {
    Map<Question, Latencies> latencies = new EnumMap<>(Question.class);
    for (Question question : Question.values()) {
      latencies.put(question, new Latencies());
    }
    try (RegistryProcess app =
        new RegistryProcess(dataDir, List.of("--registry.import.demo=never"))) {
      app.start();
      long up = Readiness.awaitUp(app, Duration.ofMinutes(30));
      row(
          "start",
          at + ": registry ready (readiness UP) after",
          format("%.1f s", (up - app.startedAt()) / 1e9));
      RegistryHttp http = new RegistryHttp(app.base());
      long first = System.nanoTime();
      int status = http.get("/api/partnerships?size=10", "researcher").statusCode();
      row(
          "start",
          at + ": the first registry question after that",
          format(
              "%.1f s (%d; the background walk of every partnership may have begun)",
              (System.nanoTime() - first) / 1e9, status));
      int generated =
          partnerships >= 0
              ? partnerships
              : (int) http.json("/api/partnerships?size=1", "researcher").path("total").asLong()
                  - LONG_PARTNERSHIPS;
      Map<Integer, Integer> refused = load(http, generated, latencies);
      for (Question question : Question.values()) {
        row(
            "questions",
            at + ", " + question.label + format(", %d readers and %d writers", READERS, WRITERS),
            latencies.get(question).describe());
      }
      row(
          "questions",
          at + ": answers other than 2xx",
          refused.isEmpty() ? "none" : refused.toString());
      row(
          "memory",
          at + ": resident set of the registry's process after the questions",
          format("%,d MB", rssKilobytes(app.pid()) / 1024));
    }
    return latencies;
  }

  /** Stores the data set on the file backend and waits for the read models to take it in. */
  private void store(Path dataDir, int partnerships) throws Exception {
    long start = System.nanoTime();
    long stored;
    long json;
    long running;
    Idle idle;
    try (ConfigurableApplicationContext app =
        ReadModelBenchmark.applicationInBatches(Mode.FILE, dataDir)) {
      MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
      stored = ReadModelBenchmark.store(engine, partnerships, EVENTS_PER_PARTNERSHIP);
      stored +=
          ReadModelBenchmark.storePartnerships(engine, partnerships, LONG_PARTNERSHIPS, longEvents);
      double storing = RegistryBenchmark.seconds(start);
      ReadModelBenchmark.awaitCaughtUp(
          RegistryBenchmark.views(app), ReadModelBenchmark.headPosition(engine));
      running = folderBytes(dataDir);
      row(
          "data set",
          format(
              "%,d partnerships of %,d events and %,d of %,d, file backend",
              partnerships, EVENTS_PER_PARTNERSHIP, LONG_PARTNERSHIPS, longEvents),
          format(
              "%,d events stored in %.0f s, read models filled after %.0f s; data folder %,d MB",
              stored, storing, RegistryBenchmark.seconds(start), running >> 20));
      json = eventsJson(app.getBean(MongoDatabase.class));
      idle = idleFolder(dataDir, app.getBean(EmbeddedMongoServer.class));
    }
    long stopped = folderBytes(dataDir);
    String at = format("%,d events", stored);
    row(
        "storage",
        at + ": the events' JSON as stored (each event's payload and metadata, UTF-8)",
        format("%,.1f MB (%,d bytes an event)", json / 1048576.0, json / stored));
    row(
        "storage",
        at
            + ": data folder / the events' JSON, running right after storing, running once idle,"
            + " after a clean stop",
        format(
            "%.1f, %.1f after %d s idle, %.1f (%,d, %,d and %,d MB; target <= %.0f): %s",
            (double) running / json,
            (double) idle.bytes() / json,
            idle.seconds(),
            (double) stopped / json,
            running >> 20,
            idle.bytes() >> 20,
            stopped >> 20,
            TARGET_STORAGE,
            storageVerdict(running, idle.bytes(), stopped, json)));
    row("storage", at + ": the data file once idle", idle.file());
    for (StorageBreakdown.Share share : StorageBreakdown.of(dataDir.resolve("registry.mv"))) {
      if (share.bytes() < stored) {
        continue; // less than a byte an event
      }
      row(
          "storage",
          at + ": what the data file holds after a clean stop, `" + share.collection() + "`",
          format(
              "%,d documents of %,.1f MB and indexes of %,.1f MB, uncompressed (%,d bytes an event)",
              share.documents(),
              share.documentBytes() / 1048576.0,
              share.indexBytes() / 1048576.0,
              share.bytes() / stored));
    }
  }

  /** The data folder of a running registry left idle: its size, and after how many seconds. */
  record Idle(long bytes, long seconds, String file) {}

  /**
   * How far the data folder shrinks while the storing registry is left idle (its compactor goes on
   * to {@code COMPACT_IDLE_BELOW_PERCENT} of live data and moves chunks to shorten the file): its
   * size every {@value #IDLE_LOOK_SECONDS} s until it has not shrunk by {@value #IDLE_GAIN_PERCENT}
   * % within {@value #IDLE_STEADY_SECONDS} s, or after {@value #IDLE_MOST_SECONDS} s.
   */
  private static Idle idleFolder(Path dataDir, EmbeddedMongoServer server) throws Exception {
    long start = System.nanoTime();
    // The size at the last shrinking by the step looked for, and when.
    long mark = folderBytes(dataDir);
    long markedAt = start;
    while (true) {
      Thread.sleep(IDLE_LOOK_SECONDS * 1000L);
      long now = System.nanoTime();
      long bytes = folderBytes(dataDir);
      if (bytes < mark * (100 - IDLE_GAIN_PERCENT) / 100) {
        mark = bytes;
        markedAt = now;
      }
      long seconds = (now - start) / 1_000_000_000L;
      String file = fileShares(server);
      System.err.printf(
          Locale.ROOT, "idle %d s: data folder %,d MB; %s%n", seconds, bytes >> 20, file);
      if ((now - markedAt) / 1_000_000_000L >= IDLE_STEADY_SECONDS
          || seconds >= IDLE_MOST_SECONDS) {
        return new Idle(bytes, seconds, file);
      }
    }
  }

  /** The data file's shares of live data, as its store tells them. */
  private static String fileShares(EmbeddedMongoServer server) {
    Map<String, String> info = server.fileInfo();
    return format(
        "live data %s %% of the chunks, chunks %s %% of the file, %s chunks",
        info.get("info.CHUNKS_FILL_RATE"),
        info.get("info.FILL_RATE"),
        info.get("info.CHUNK_COUNT"));
  }

  /**
   * Whether the data folder met its target at each of its three measures: running right after
   * storing, once idle, after a clean stop.
   */
  private static String storageVerdict(long running, long idle, long stopped, long json) {
    double most = TARGET_STORAGE * json;
    List<String> missed = new ArrayList<>();
    if (running > most) {
      missed.add("right after storing");
    }
    if (idle > most) {
      missed.add("once idle");
    }
    if (stopped > most) {
      missed.add("after a clean stop");
    }
    return missed.isEmpty() ? "met" : "**NOT met** " + String.join(", ", missed);
  }

  /** The bytes of every stored event's payload and metadata, as JSON text in UTF-8. */
  private static long eventsJson(MongoDatabase database) {
    long bytes = 0;
    // The embedded server sends a whole query's documents in its first reply unless told a batch
    // size, and the driver refuses a reply over 48 MB.
    for (Document commit :
        database
            .getCollection("commits")
            .find()
            .projection(new Document("events", 1))
            .batchSize(1_000)) {
      for (Document event : commit.getList("events", Document.class)) {
        bytes += utf8(event.getString("payload")) + utf8(event.getString("metaData"));
      }
    }
    return bytes;
  }

  private static long utf8(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Readers and writers for {@link #MEASURED}; returns the answers other than 2xx by status. */
  private Map<Integer, Integer> load(
      RegistryHttp http, int partnerships, Map<Question, Latencies> latencies) throws Exception {
    int all = partnerships + LONG_PARTNERSHIPS;
    long until = System.nanoTime() + measured.toNanos();
    Map<Integer, Integer> refused = new LinkedHashMap<>();
    AtomicInteger facts = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(READERS + WRITERS);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < READERS + WRITERS; t++) {
      boolean writer = t >= READERS;
      Random random = new Random(t);
      running.add(
          threads.submit(
              () -> {
                int turn = random.nextInt(READ.size());
                while (System.nanoTime() < until) {
                  String id = "p" + random.nextInt(all);
                  Question question = writer ? Question.COMMAND : READ.get(turn++ % READ.size());
                  long sent = System.nanoTime();
                  int status =
                      switch (question) {
                        case STATE ->
                            http.get("/api/partnerships/" + id, "researcher").statusCode();
                        case DURABILITY ->
                            http.get("/api/partnerships/" + id + "/durability", "auditor")
                                .statusCode();
                        case TIMELINE ->
                            http.get("/api/partnerships/" + id + "/timeline", "researcher")
                                .statusCode();
                        case SEARCH ->
                            http.get("/api/partnerships?text=Twente", "funder").statusCode();
                        case FILTER ->
                            http.get("/api/partnerships?kind=TECHNOHUB&phase=STRUCTURAL", "funder")
                                .statusCode();
                        case SURVIVAL ->
                            http.get("/api/analytics/survival", "researcher").statusCode();
                        case COMMAND ->
                            http.post(
                                    "/api/partnerships/" + id + "/evaluations",
                                    "registrar",
                                    evaluation("scale-" + facts.incrementAndGet()))
                                .statusCode();
                      };
                  long elapsed = System.nanoTime() - sent;
                  if (status / 100 == 2) {
                    latencies.get(question).add(elapsed);
                  } else {
                    synchronized (refused) {
                      refused.merge(status, 1, Integer::sum);
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> thread : running) {
      thread.get();
    }
    threads.shutdown();
    return refused;
  }

  /** An evaluation dated 2025, after every generated partnership started. */
  private static String evaluation(String factId) {
    return "{\"factId\":"
        + RegistryHttp.quote(factId)
        + ",\"occurredOn\":\"2025\",\"evaluator\":\"Scale run\""
        + ",\"summary\":\"A generated evaluation.\",\"findings\":[\"one finding\"],"
        + "\"source\":{\"document\":\"benchmark\",\"passage\":\"a generated passage\"}}";
  }

  private static long rssKilobytes(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long folderBytes(Path folder) throws Exception {
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private void row(String scenario, String measure, String figure) {
    report.row(scenario, measure, figure);
  }
}
