package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryHttp.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kills the registry with SIGKILL ({@code kill -9}) at random moments and checks what a restart
 * finds. The executable jar runs as a child process with the file backend on a fresh data folder
 * with the demo dataset. In turns, the kill comes during commands (4 clients recording
 * evaluations), during an import ({@code POST /api/import} of 180 lines, 2 command clients beside
 * it) and during a rebuild of the read models (2 command clients beside it). After each restart:
 *
 * <ul>
 *   <li>readiness is sampled every 50 ms from the start; at its first {@code UP} the read models'
 *       position is compared with the export's last event, and every partnership's timeline (a read
 *       model) with the fact ids of its events in the export;
 *   <li>every event whose command was answered 2xx, in any round so far, is in the export;
 *   <li>every partnership's hash chain verifies ({@code GET /api/partnerships/{id}/verify});
 *   <li>once the read models have caught up with the export, the timelines are compared again;
 *   <li>after an import round, the same file imported again is answered 200 with every line applied
 *       or unchanged.
 * </ul>
 *
 * Usage: {@code ./bench faults [kills] [seed]} (default 20 kills; the seed of the random moments is
 * printed, to repeat a run).
 */
final class FaultRun {

  static final int KILLS = 20;

  private static final int CLIENTS = 4;
  private static final int IMPORTED_PARTNERSHIPS = 30;
  private static final int EVALUATIONS_PER_IMPORTED = 5;
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration CATCH_UP = Duration.ofMinutes(2);

  private enum Activity {
    COMMANDS,
    IMPORT,
    REBUILD
  }

  private final int kills;
  private final long seed;
  private final Random random;
  private final List<String> rows = new ArrayList<>();

  /** Fact id to partnership id of every fact whose command or import was answered 2xx. */
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

  private long lost;
  private long brokenChains;
  private long roundsBehindAtUp;
  private long roundsDifferingAtUp;
  private long roundsDifferingAfterCatchUp;
  private long failedReimports;
  private long wrongExits;
  private String stopped;
  private int killsDone;

  FaultRun(int kills, long seed) {
    this.kills = kills;
    this.seed = seed;
    this.random = new Random(seed);
  }

  static FaultRun of(String[] args) {
    return new FaultRun(
        args.length > 1 ? Integer.parseInt(args[1]) : KILLS,
        args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime());
  }

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("registry-faults").resolve("data");
    try (RegistryProcess app =
        new RegistryProcess(dataDir, List.of("--registry.import.demo=first-start"))) {
      app.start();
      Readiness.awaitUp(app, START);
      RegistryHttp setup = new RegistryHttp(app.base());
      for (int c = 0; c < CLIENTS; c++) {
        HttpResponse<String> answer =
            setup.post("/api/partnerships", "registrar", Facts.registration(own(c)));
        if (answer.statusCode() != 201) {
          throw new IOException("registering " + own(c) + " answered " + answer.statusCode());
        }
        acknowledged.put(own(c) + "-registered", own(c));
      }
      Export first = Export.read(setup);
      Readiness.awaitPosition(setup, first.lastPosition(), CATCH_UP);
      System.out.println(
          format(
              "Fault run, seed %d: %,d events in the store, %d partnerships; log %s",
              seed, first.events(), first.facts().size(), app.log()));
      System.out.println(
          "| kill | during | killed after | answered 2xx before the kill | ready after restart"
              + " | read models at first UP | acknowledged lost | hash chains intact"
              + " | read models after catch-up | import repeated |");
      for (int round = 1; round <= kills && stopped == null; round++) {
        Activity activity = Activity.values()[(round - 1) % Activity.values().length];
        try {
          round(app, round, activity);
        } catch (IOException | IllegalStateException e) {
          // A registry that does not start again, or does not answer, ends the run: the report
          // says where.
          stopped = format("kill %d (%s): %s", round, activity, e.getMessage());
        }
      }
    }
    print();
  }

  private void round(RegistryProcess app, int round, Activity activity) throws Exception {
    RegistryHttp http = new RegistryHttp(app.base());
    AtomicBoolean killed = new AtomicBoolean();
    AtomicLong answered = new AtomicLong();
    int clients = activity == Activity.COMMANDS ? CLIENTS : 2;
    ExecutorService commandClients = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      done.add(commandClients.submit(() -> commands(app, round, client, killed, answered)));
    }
    String detail = "";
    CompletableFuture<HttpResponse<String>> importing = null;
    String importFile = null;
    long delayMillis;
    switch (activity) {
      case COMMANDS -> {
        // On a busy machine the first answer may take a second: the kill comes after it.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (answered.get() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        delayMillis = 250 + random.nextInt(2_250);
      }
      case IMPORT -> {
        importFile = importFile(round);
        importing =
            http.client()
                .sendAsync(
                    http.request("/api/import", "registrar")
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(importFile))
                        .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        delayMillis = 100 + random.nextInt(2_400);
      }
      case REBUILD -> {
        Thread.sleep(200);
        HttpResponse<String> rebuild = http.post("/api/projections/rebuild", "registrar", "");
        if (rebuild.statusCode() != 202) {
          throw new IOException(
              "the rebuild answered " + rebuild.statusCode() + ": " + rebuild.body());
        }
        long head = RegistryHttp.JSON.readTree(rebuild.body()).path("headCommit").asLong();
        delayMillis = random.nextInt(1_500);
        Thread.sleep(delayMillis);
        long position = Readiness.position(http);
        detail =
            position
                    < head
                        * nl.partnershipregistry.eventstore.MongoEventStorageEngine
                            .EVENTS_PER_COMMIT
                ? "; rebuild under way"
                : "; rebuild done";
        delayMillis = 0;
      }
      default -> throw new IllegalStateException();
    }
    Thread.sleep(delayMillis);
    long killedAfter = (System.nanoTime() - start) / 1_000_000;
    killed.set(true);
    int exit = app.kill();
    killsDone++;
    if (exit != 137) {
      wrongExits++;
    }
    for (Future<?> future : done) {
      future.get();
    }
    commandClients.shutdown();
    if (importing != null) {
      HttpResponse<String> report = importing.handle((r, e) -> r).join();
      if (report != null && report.statusCode() == 200) {
        acknowledgeImport(round);
        detail = "; import answered 200 before the kill";
      } else {
        detail =
            report == null ? "; import unanswered" : "; import answered " + report.statusCode();
      }
    }

    app.start();
    long up = Readiness.awaitUp(app, START);
    http = new RegistryHttp(app.base());
    long positionAtUp = Readiness.position(http);
    Export export = Export.read(http);
    int differingAtUp = differing(http, export);
    boolean behind = positionAtUp < export.lastPosition();
    if (behind) {
      roundsBehindAtUp++;
    }
    if (differingAtUp > 0) {
      roundsDifferingAtUp++;
    }
    int acknowledgedNow = acknowledged.size();
    long lostNow =
        acknowledged.entrySet().stream()
            .filter(e -> !export.holds(e.getValue(), e.getKey()))
            .count();
    lost = Math.max(lost, lostNow);
    int intact = 0;
    for (String partnership : export.facts().keySet()) {
      HttpResponse<String> verification =
          http.get("/api/partnerships/" + partnership + "/verify", "auditor");
      if (verification.statusCode() == 200
          && RegistryHttp.JSON.readTree(verification.body()).path("intact").asBoolean(false)) {
        intact++;
      }
    }
    brokenChains += export.facts().size() - intact;
    boolean caughtUp = Readiness.awaitPosition(http, export.lastPosition(), CATCH_UP) >= 0;
    // An upper bound: the checks above ran before the position was asked.
    double sinceUp = (System.nanoTime() - up) / 1e9;
    int differingAfter = differing(http, export);
    if (differingAfter > 0) {
      roundsDifferingAfterCatchUp++;
    }
    String reimport = "";
    if (importFile != null) {
      HttpResponse<String> again =
          http.post("/api/import", "registrar", importFile, "application/x-ndjson");
      JsonNode report = RegistryHttp.JSON.readTree(again.body());
      reimport =
          format(
              "%d: %d applied, %d unchanged, %d rejected",
              again.statusCode(),
              report.path("applied").asInt(),
              report.path("unchanged").asInt(),
              report.path("rejected").asInt());
      if (again.statusCode() == 200) {
        acknowledgeImport(round);
      } else {
        failedReimports++;
      }
    }
    row(
        format(
            "| %d | %s%s | %,d ms | %,d | %.1f s | %s | %,d of %,d | %d / %d | %s | %s |",
            round,
            activity.name().toLowerCase(Locale.ROOT),
            detail,
            killedAfter,
            answered.get(),
            (up - app.startedAt()) / 1e9,
            (behind ? "behind the export" : "caught up")
                + (differingAtUp > 0 ? format(", %d timelines differ", differingAtUp) : ", equal"),
            lostNow,
            acknowledgedNow,
            intact,
            export.facts().size(),
            (differingAfter > 0 ? format("%d timelines differ", differingAfter) : "equal")
                + (caughtUp
                    ? format(", caught up at most %.1f s after the first UP", sinceUp)
                    : format(", not caught up %.0f s after the first UP", sinceUp)),
            reimport.isEmpty() ? "" : reimport));
  }

  /** One client recording evaluations until the kill; each 2xx answer is acknowledged. */
  private Void commands(
      RegistryProcess app, int round, int client, AtomicBoolean killed, AtomicLong answered) {
    RegistryHttp http = new RegistryHttp(app.base());
    String partnership = own(client);
    for (int i = 0; !killed.get(); i++) {
      String factId = partnership + "-kill-" + round + "-" + i;
      try {
        HttpResponse<String> answer =
            http.post(
                "/api/partnerships/" + partnership + "/evaluations",
                "registrar",
                Facts.evaluation(factId));
        if (answer.statusCode() / 100 == 2) {
          acknowledged.put(factId, partnership);
          answered.incrementAndGet();
        }
      } catch (IOException | InterruptedException e) {
        return null;
      }
    }
    return null;
  }

  /** A JSON Lines import of partnerships of its own: a registration and evaluations each. */
  private static String importFile(int round) {
    StringBuilder file = new StringBuilder();
    for (int p = 0; p < IMPORTED_PARTNERSHIPS; p++) {
      String partnership = imported(round, p);
      file.append(Facts.line("RegisterPartnership", partnership, Facts.registration(partnership)))
          .append('\n');
      for (int e = 0; e < EVALUATIONS_PER_IMPORTED; e++) {
        file.append(
                Facts.line(
                    "RecordEvaluation",
                    partnership,
                    Facts.evaluation(partnership + "-evaluation-" + e)))
            .append('\n');
      }
    }
    return file.toString();
  }

  private void acknowledgeImport(int round) {
    for (int p = 0; p < IMPORTED_PARTNERSHIPS; p++) {
      String partnership = imported(round, p);
      acknowledged.put(partnership + "-registered", partnership);
      for (int e = 0; e < EVALUATIONS_PER_IMPORTED; e++) {
        acknowledged.put(partnership + "-evaluation-" + e, partnership);
      }
    }
  }

  /**
   * How many partnerships' timelines (a read model) differ from the export: a fact id missing or
   * extra, or no timeline at all.
   */
  private static int differing(RegistryHttp http, Export export)
      throws IOException, InterruptedException {
    int differing = 0;
    for (Map.Entry<String, Set<String>> partnership : export.facts().entrySet()) {
      HttpResponse<String> answer =
          http.get("/api/partnerships/" + partnership.getKey() + "/timeline", "auditor");
      if (answer.statusCode() != 200
          || !factIds(RegistryHttp.JSON.readTree(answer.body())).equals(partnership.getValue())) {
        differing++;
      }
    }
    return differing;
  }

  private static Set<String> factIds(JsonNode timeline) {
    Set<String> ids = new HashSet<>();
    for (String list : List.of("entries", "retracted")) {
      for (JsonNode entry : timeline.path(list)) {
        ids.add(text(entry.path("factId")));
        for (JsonNode amendment : entry.path("amendments")) {
          ids.add(text(amendment.path("factId")));
        }
      }
    }
    return ids;
  }

  private static String text(JsonNode id) {
    return id.isObject() ? id.path("value").asText() : id.asText();
  }

  private static String own(int client) {
    return "faults-" + client;
  }

  private static String imported(int round, int p) {
    return "imported-" + round + "-" + p;
  }

  private void row(String line) {
    rows.add(line);
    System.out.println(line);
  }

  private void print() {
    System.out.println();
    System.out.println(RegistryBenchmark.machine());
    System.out.println(
        format(
            "`./bench faults %d %d`: the executable jar as a child process, file backend, demo"
                + " dataset, killed with SIGKILL %d times%n",
            kills, seed, kills));
    System.out.println("| measure | figure |\n|---|---|");
    if (stopped != null) {
      System.out.println("| run stopped early at | " + stopped.replace('\n', ' ') + " |");
    }
    System.out.println(
        format(
            "| kills with SIGKILL (exit 137) / done / asked | %d / %d / %d |",
            killsDone - wrongExits, killsDone, kills));
    System.out.println(
        format(
            "| acknowledged events lost (answered 2xx, not in the export) | %,d of %,d |",
            lost, acknowledged.size()));
    System.out.println(format("| hash chains found broken, all restarts | %,d |", brokenChains));
    System.out.println(
        format(
            "| restarts whose readiness said UP before the read models had caught up | %d of %d |",
            roundsBehindAtUp, rows.size()));
    System.out.println(
        format(
            "| restarts whose read models differed from the export at the first UP | %d of %d |",
            roundsDifferingAtUp, rows.size()));
    System.out.println(
        format(
            "| restarts whose read models differed from the export after catching up | %d of %d |",
            roundsDifferingAfterCatchUp, rows.size()));
    System.out.println(
        format(
            "| imports repeated after the restart and not answered 200 | %d |", failedReimports));
    System.out.println();
    System.out.println(
        "| kill | during | killed after | answered 2xx before the kill | ready after restart"
            + " | read models at first UP | acknowledged lost | hash chains intact"
            + " | read models after catch-up | import repeated |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }
}
