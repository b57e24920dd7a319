package nl.partnershipregistry.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.partnershipregistry.api.RegistryApplication;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.api.operations.ProjectionOperations;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.command.RecordEvaluation;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.EvaluationRecorded;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.eventstore.serialization.RegistrySerializer;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures, in one run and on the embedded server (in memory, then with the durable file backend),
 * what the event store and the application can do on this machine:
 *
 * <ol>
 *   <li>raw driver inserts of commit-shaped documents against engine appends of one event each;
 *   <li>commands through the application's command gateway from 8 concurrent clients, with 10,000
 *       and with 100,000 events in the store;
 *   <li>a tracking processor replaying the whole store against a raw cursor scan of it;
 *   <li>the same three against Axon's own MongoDB engine ({@link PeerBenchmark}), and the late
 *       writer that engine skips;
 *   <li>the read side ({@link ReadModelBenchmark}): 2,000 generated partnerships, 200,000 events,
 *       the read models' rebuild against a raw scan, and question latencies.
 * </ol>
 *
 * Prints a Markdown report. Usage: {@code ./bench [events]} (default 100000), {@code ./bench store
 * [events] [memory|file]} for stages 1 to 3 alone (with the peer), {@code ./bench peer [events]
 * [memory|file]} for the peer alone (default 10000 events), or {@code ./bench read-models [events]
 * [memory|file]} for the read side alone (default 200000 events, both backends), {@code ./bench
 * growth} for what a write costs on disk as one partnership grows to 10,100 events. {@code ./bench
 * load} ({@link LoadRun}), {@code ./bench faults} ({@link FaultRun}) and {@code ./bench pages}
 * ({@link PageRun}) run the executable application as a child process instead: the registry's
 * reliability under load and when killed, and the pages' server time and weight.
 */
public final class RegistryBenchmark {

  private static final int APPENDS = 4_000;
  private static final int READ_MODEL_EVENTS = 200_000;

  /**
   * Events in the stores compared with Axon's own engine ({@link PeerBenchmark}): the peer reads by
   * timestamp ranges and by aggregate, which the embedded server answers by scanning the whole
   * collection, so its replay slows with the square of the store's size (20,000 events took it two
   * minutes a replay on two loaded cores).
   */
  private static final int PEER_EVENTS = 10_000;

  private static final int CLIENTS = 8;
  private static final int COMMANDS_PER_CLIENT = 600;
  private static final int WARM_UP_PARTNERSHIPS = 2_000;
  private static final int WARM_UP_ROUNDS = 30;
  private static final int REPLAYS = 5;

  /**
   * Turns of scan and replay before the measured ones, not counted: the replay's code (the
   * processor, the unit of work, the payloads' deserializers) runs only here and is still being
   * compiled during the first turns, which read a fifth to a third slower.
   */
  private static final int REPLAY_WARM_UPS = 3;

  private static final int COMMANDS = CLIENTS * COMMANDS_PER_CLIENT;
  private static final int IN_APP_WARM_UP_PARTNERSHIPS = 200;
  private static final int TARGETS = 800;
  static final int EVENTS_PER_PARTNERSHIP = 5;
  private static final SourceCitation SOURCE =
      SourceCitation.of("benchmark", "generated partnership");
  private static final Recording RECORDED =
      Recording.of(Instant.parse("2026-01-01T00:00:00Z"), "bench");

  private final Serializer serializer = RegistrySerializer.forEvents();
  private final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    RegistryApplication.withoutUpdateCheck();
    if (args.length > 0 && args[0].equals("load")) {
      LoadRun.of(args).run();
    } else if (args.length > 0 && args[0].equals("pages")) {
      try {
        PageRun.of(args).run();
      } catch (Exception e) {
        // Threads the application run in this process left behind would keep the JVM alive.
        e.printStackTrace();
        System.exit(1);
      }
    } else if (args.length > 0 && args[0].equals("scale")) {
      try {
        ScaleRun.of(args).run();
      } catch (Exception e) {
        // Threads the application run in this process left behind would keep the JVM alive.
        e.printStackTrace();
        System.exit(1);
      }
    } else if (args.length > 0 && args[0].equals("questions")) {
      try {
        ScaleRun.questionsOn(args);
      } catch (Exception e) {
        e.printStackTrace();
        System.exit(1);
      }
    } else if (args.length > 0 && args[0].equals("faults")) {
      FaultRun.of(args).run();
    } else if (args.length > 0 && args[0].equals("read-models")) {
      int events = args.length > 1 ? Integer.parseInt(args[1]) : READ_MODEL_EVENTS;
      new RegistryBenchmark().readModelsOnly(events, modes(args, 2));
    } else if (args.length > 0 && args[0].equals("growth")) {
      new RegistryBenchmark().growthOnly();
    } else if (args.length > 0 && args[0].equals("peer")) {
      int events = args.length > 1 ? Integer.parseInt(args[1]) : PEER_EVENTS;
      new RegistryBenchmark().peerOnly(events, modes(args, 2));
    } else if (args.length > 0 && args[0].equals("store")) {
      int events = largeStore(args.length > 1 ? args[1] : null);
      new RegistryBenchmark().storeOnly(events, modes(args, 2));
    } else {
      int events = largeStore(args.length > 0 ? args[0] : null);
      new RegistryBenchmark().run(events);
    }
    // Stopped Axon configurations and embedded servers may leave threads behind.
    System.exit(0);
  }

  /**
   * The events of the large store: {@code argument}, or 100,000 without one. The small store holds
   * a tenth, of which the warm-up in the measured application takes 5,800 events and the stage
   * needs 800 partnerships of its own, so the large store holds at least 100,000.
   */
  private static int largeStore(String argument) {
    int events = argument == null ? 100_000 : Integer.parseInt(argument);
    if (events < 100_000) {
      throw new IllegalArgumentException(
          "the large store must hold at least 100000 events (the small store a tenth of it), not "
              + events);
    }
    return events;
  }

  /** The backend named at {@code args[index]}, or both when there is none. */
  private static List<Mode> modes(String[] args, int index) {
    return args.length > index
        ? List.of(Mode.valueOf(args[index].toUpperCase(Locale.ROOT)))
        : List.of(Mode.MEMORY, Mode.FILE);
  }

  /** Only the event store (stages 1 to 3), with {@code largeStore} events in the large store. */
  private void storeOnly(int largeStore, List<Mode> modes) throws Exception {
    for (Mode mode : modes) {
      Path dataDir = Files.createTempDirectory("registry-bench");
      appendsAgainstRawInserts(mode, dataDir.resolve("store"));
      commandsAndReplay(mode, dataDir.resolve("app"), largeStore / 10, largeStore);
      new PeerBenchmark(serializer, this::row).run(mode, dataDir.resolve("peer"), PEER_EVENTS);
    }
    print();
  }

  /** Only the comparison with Axon's own MongoDB engine, the stores holding {@code events}. */
  private void peerOnly(int events, List<Mode> modes) throws Exception {
    for (Mode mode : modes) {
      Path dataDir = Files.createTempDirectory("registry-bench");
      new PeerBenchmark(serializer, this::row).run(mode, dataDir.resolve("peer"), events);
    }
    print();
  }

  /** Only the read side (stage 4), at {@code events} events (100 per partnership). */
  private void readModelsOnly(int events, List<Mode> modes) throws Exception {
    for (Mode mode : modes) {
      Path dataDir = Files.createTempDirectory("registry-bench");
      new ReadModelBenchmark(serializer, this::row).run(mode, dataDir.resolve("read"), events);
    }
    print();
  }

  /** Only what a write costs on disk as one partnership grows ({@link GrowthBenchmark}). */
  private void growthOnly() throws Exception {
    Path dataDir = Files.createTempDirectory("registry-bench");
    new GrowthBenchmark(this::row).run(dataDir.resolve("growth"));
    print();
  }

  private void run(int largeStore) throws Exception {
    int smallStore = largeStore / 10;
    for (Mode mode : List.of(Mode.MEMORY, Mode.FILE)) {
      Path dataDir = Files.createTempDirectory("registry-bench");
      appendsAgainstRawInserts(mode, dataDir.resolve("store"));
      commandsAndReplay(mode, dataDir.resolve("app"), smallStore, largeStore);
      new PeerBenchmark(serializer, this::row).run(mode, dataDir.resolve("peer"), PEER_EVENTS);
      new ReadModelBenchmark(serializer, this::row)
          .run(mode, dataDir.resolve("read"), READ_MODEL_EVENTS);
    }
    print();
  }

  private void print() {
    StringBuilder report = new StringBuilder();
    report.append(machine()).append(System.lineSeparator());
    report.append("| backend | measure | figure |\n|---|---|---|\n");
    rows.forEach(r -> report.append(r).append('\n'));
    System.out.println();
    System.out.println(report);
  }

  /** The machine the report was measured on, one line. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "Machine: %d cores, %d MiB heap max, Java %s, %s%n",
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024),
        System.getProperty("java.version"),
        System.getProperty("os.name"));
  }

  // 1. Raw inserts against engine appends

  private void appendsAgainstRawInserts(Mode mode, Path dataDir) {
    try (EmbeddedMongoServer server = embedded(mode, dataDir);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoEventStorageEngine engine =
          MongoEventStorageEngine.builder()
              .database(client.getDatabase("engine"))
              .eventSerializer(serializer)
              .snapshotSerializer(serializer)
              .build();
      List<GenericDomainEventMessage<PartnershipFact>> events = new ArrayList<>();
      for (int i = 0; i < APPENDS + 500; i++) {
        String partnership = "p" + (i % 500);
        events.add(event(partnership, i / 500, evaluation(partnership, i)));
      }
      MongoCollection<Document> raw = client.getDatabase("raw").getCollection("commits");
      raw.createIndex(Indexes.ascending("events.key"), new IndexOptions().unique(true));
      raw.createIndex(Indexes.ascending("events.eventIdentifier"), new IndexOptions().unique(true));
      String payload = serializer.serialize(events.get(0).getPayload(), String.class).getData();
      List<Document> documents = new ArrayList<>();
      for (int i = 0; i < APPENDS + 500; i++) {
        documents.add(rawCommit(i, events.get(i), payload));
      }

      for (int i = 0; i < 500; i++) {
        raw.insertOne(documents.get(i));
        engine.appendEvents(events.get(i));
      }
      long rawStart = System.nanoTime();
      for (int i = 500; i < APPENDS + 500; i++) {
        raw.insertOne(documents.get(i));
      }
      double rawRate = APPENDS / seconds(rawStart);
      long engineStart = System.nanoTime();
      for (int i = 500; i < APPENDS + 500; i++) {
        engine.appendEvents(events.get(i));
      }
      double engineRate = APPENDS / seconds(engineStart);
      row(mode, "raw driver inserts of commit documents (1 thread)", rate(rawRate, "inserts/s"));
      row(mode, "engine appends of one event (1 thread)", rate(engineRate, "appends/s"));
      row(mode, "appends / raw inserts", ratio(engineRate / rawRate) + " (target >= 0.50)");
    }
  }

  static Document rawCommit(long number, GenericDomainEventMessage<?> event, String payload) {
    Document stored =
        new Document("key", event.getAggregateIdentifier() + ":" + event.getSequenceNumber())
            .append("eventIdentifier", event.getIdentifier())
            .append("aggregateIdentifier", event.getAggregateIdentifier())
            .append("sequenceNumber", event.getSequenceNumber())
            .append("type", event.getType())
            .append("timestamp", event.getTimestamp().toString())
            .append("payloadType", EvaluationRecorded.class.getName())
            .append("payloadRevision", null)
            .append("payload", payload)
            .append("metaData", "{}")
            .append("previousHash", "0".repeat(64))
            .append("hash", "f".repeat(64));
    return new Document("_id", number)
        .append("committedAt", new Date())
        .append("events", List.of(stored));
  }

  // 2. Commands through the gateway, 3. replay

  private void commandsAndReplay(Mode mode, Path dataDir, int smallStore, int largeStore)
      throws Exception {
    warmUp(mode, dataDir.resolve("warm-up"));
    try (ConfigurableApplicationContext app = application(mode, dataDir)) {
      MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
      CommandGateway gateway = app.getBean(CommandGateway.class);
      TrackingEventProcessor views = views(app);

      // A new application compiles much of its code again: it first meets commands on
      // partnerships of its own, whose events count in the stores measured below.
      double preloadRate = preload(engine, "w", 0, IN_APP_WARM_UP_PARTNERSHIPS);
      row(mode, "preload through the engine, 5 events per append", rate(preloadRate, "events/s"));
      ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
      commands(gateway, "w", 0, IN_APP_WARM_UP_PARTNERSHIPS, COMMANDS_PER_CLIENT);
      long stored = IN_APP_WARM_UP_PARTNERSHIPS * (long) EVENTS_PER_PARTNERSHIP + COMMANDS;
      row(
          mode,
          "warm-up (not measured) in the measured application",
          count(COMMANDS) + " commands to " + IN_APP_WARM_UP_PARTNERSHIPS + " partnerships");

      int small = (int) ((smallStore - stored) / EVENTS_PER_PARTNERSHIP);
      preload(engine, "p", 0, small);
      stored += small * (long) EVENTS_PER_PARTNERSHIP;
      // The read models take in the preload before the clients start: the commands meet the
      // application as it runs, its processor following their events, not digesting a bulk load.
      ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
      Result atSmall = commands(gateway, "p", small - TARGETS, small, COMMANDS_PER_CLIENT);
      row(mode, "commands, 8 clients, " + count(stored) + " events stored", atSmall.describe());
      stored += COMMANDS;

      int large = small + (int) ((largeStore - stored) / EVENTS_PER_PARTNERSHIP);
      preload(engine, "p", small, large);
      stored += (large - small) * (long) EVENTS_PER_PARTNERSHIP;
      ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
      Result atLarge = commands(gateway, "p", large - TARGETS, large, COMMANDS_PER_CLIENT);
      row(mode, "commands, 8 clients, " + count(stored) + " events stored", atLarge.describe());
      row(
          mode,
          "commands/s at " + count(largeStore) + " / at " + count(smallStore),
          ratio(atLarge.rate() / atSmall.rate()) + " (target >= 0.80)");
      stored += COMMANDS;

      // Every command to a partnership of its own: each one loads its aggregate from the store.
      ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
      Result atLargeCold =
          commands(gateway, "p", large - TARGETS - COMMANDS, large - TARGETS, COMMANDS_PER_CLIENT);
      row(
          mode,
          "commands, 8 clients, "
              + count(stored)
              + " events stored, each to a partnership not loaded before",
          atLargeCold.describe());

      ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
      MongoDatabase database = app.getBean(MongoDatabase.class);
      replayAgainstScan(mode, database);
    }
  }

  /**
   * Runs the commands of this stage, unmeasured, in an application of its own on a store of its
   * own, until the JIT compiler has done most of its work (on two cores it otherwise takes most of
   * one core for minutes): rounds of 4,800 commands until one in which the compiler was busy for
   * less than a tenth of the time, at most {@value #WARM_UP_ROUNDS} rounds. The measured stages
   * then meet compiled code, and their stores hold just the events they say.
   */
  private void warmUp(Mode mode, Path dataDir) throws Exception {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    try (ConfigurableApplicationContext app = application(mode, dataDir)) {
      MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
      preload(engine, "p", 0, WARM_UP_PARTNERSHIPS);
      ReadModelBenchmark.awaitCaughtUp(views(app), ReadModelBenchmark.headPosition(engine));
      CommandGateway gateway = app.getBean(CommandGateway.class);
      int rounds = 0;
      double compiling = 1;
      while (rounds < WARM_UP_ROUNDS && compiling >= 0.1) {
        long compiledBefore = compiler.getTotalCompilationTime();
        long start = System.nanoTime();
        commands(gateway, "p", 0, WARM_UP_PARTNERSHIPS, COMMANDS_PER_CLIENT);
        compiling = (compiler.getTotalCompilationTime() - compiledBefore) / 1e3 / seconds(start);
        rounds++;
      }
      row(
          mode,
          "warm-up (not measured): commands in an application of its own",
          String.format(
              Locale.ROOT,
              "%,d commands; JIT compiler busy %.0f %% of the last round",
              rounds * CLIENTS * COMMANDS_PER_CLIENT,
              compiling * 100));
    }
  }

  /**
   * The registry application on the embedded server ({@code mode}, data in {@code dataDir}), on a
   * free port, without the demo dataset, with the {@code settings} given ({@code --name=value}).
   */
  static ConfigurableApplicationContext application(Mode mode, Path dataDir, String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.port=0");
    arguments.add("--registry.embedded.mode=" + mode.name().toLowerCase(Locale.ROOT));
    arguments.add("--registry.embedded.data-dir=" + dataDir);
    arguments.add("--registry.import.demo=never");
    arguments.add("--logging.level.root=WARN");
    // Where a rebuild's time goes: the processor's stop and the filling of the read models.
    arguments.add("--logging.level." + ProjectionOperations.class.getName() + "=INFO");
    arguments.addAll(Arrays.asList(settings));
    return new SpringApplicationBuilder(RegistryApplication.class)
        .logStartupInfo(false)
        .run(arguments.toArray(String[]::new));
  }

  static TrackingEventProcessor views(ConfigurableApplicationContext app) {
    return app.getBean(EventProcessingConfiguration.class)
        .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow();
  }

  /**
   * Stores partnerships {@code prefix + from} to {@code prefix + to}, five events each, one append
   * each.
   */
  static double preload(EventStorageEngine engine, String prefix, int from, int to) {
    long start = System.nanoTime();
    for (int k = from; k < to; k++) {
      String id = prefix + k;
      List<PartnershipFact> facts = facts(id, k);
      List<GenericDomainEventMessage<PartnershipFact>> events = new ArrayList<>();
      for (int s = 0; s < facts.size(); s++) {
        events.add(event(id, s, facts.get(s)));
      }
      engine.appendEvents(events);
    }
    return (to - from) * (double) EVENTS_PER_PARTNERSHIP / seconds(start);
  }

  /** The five facts of preloaded partnership {@code id}, the {@code k}th. */
  static List<PartnershipFact> facts(String id, int k) {
    PartnershipId partnership = PartnershipId.of(id);
    return List.of(
        new PartnershipRegistered(
            partnership,
            FactId.of(id + "-r"),
            FactDate.year(2001),
            "Partnership " + k,
            PartnershipKind.TECHNOHUB,
            "Utrecht",
            "technology",
            null,
            null,
            SOURCE,
            RECORDED),
        joined(partnership, "school-" + (k % 50), 1),
        joined(partnership, "employer-" + (k % 300), 2),
        new CommitmentRecorded(
            partnership,
            FactId.of(id + "-c"),
            FactDate.year(2003),
            CommitmentId.of("c1"),
            OrganisationId.of("employer-" + (k % 300)),
            CommitmentType.PLACEMENTS,
            Quantity.of(10, Unit.PLACES),
            DateRange.from(FactDate.year(2003)),
            null,
            SOURCE,
            RECORDED),
        evaluation(id, 0));
  }

  /**
   * 8 clients send {@code perClient} {@link RecordEvaluation} commands each to partnerships {@code
   * prefix + from} to {@code prefix + to} in turn, none touched before: the first command to a
   * partnership loads it from the store, later ones may find it in the application's aggregate
   * cache. Stages with as many partnerships meet the same mix.
   */
  static Result commands(CommandGateway gateway, String prefix, int from, int to, int perClient)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicLong sequence = new AtomicLong();
    long[] latencies = new long[CLIENTS * perClient];
    AtomicLong slot = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      done.add(
          clients.submit(
              () -> {
                for (int i = 0; i < perClient; i++) {
                  long n = sequence.getAndIncrement();
                  String id = prefix + (from + (n % (to - from)));
                  long sent = System.nanoTime();
                  gateway.sendAndWait(
                      new RecordEvaluation(
                          PartnershipId.of(id),
                          FactId.of("bench-" + UUID.randomUUID()),
                          FactDate.year(2010),
                          "benchmark",
                          "a generated evaluation",
                          List.of(),
                          SOURCE,
                          RECORDED));
                  latencies[(int) slot.getAndIncrement()] = System.nanoTime() - sent;
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    double elapsed = seconds(start);
    clients.shutdown();
    Arrays.sort(latencies);
    return new Result(
        latencies.length / elapsed,
        latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6);
  }

  /**
   * {@value #REPLAYS} raw scans and replays, in turns, after {@value #REPLAY_WARM_UPS} turns not
   * counted; the medians are reported, since one replay of 100,000 events takes a few seconds and
   * the JIT compiler and the garbage collector move single runs.
   */
  private void replayAgainstScan(Mode mode, MongoDatabase database) throws Exception {
    double[] scanRates = new double[REPLAYS];
    double[] replayRates = new double[REPLAYS];
    long events = 0;
    for (int i = 0; i < REPLAY_WARM_UPS; i++) {
      long scanned = 0;
      for (Document commit : database.getCollection("commits").find().batchSize(1000)) {
        scanned += commit.getList("events", Document.class).size();
      }
      replay(database, scanned);
    }
    for (int i = 0; i < REPLAYS; i++) {
      long scanStart = System.nanoTime();
      long scanned = 0;
      for (Document commit : database.getCollection("commits").find().batchSize(1000)) {
        scanned += commit.getList("events", Document.class).size();
      }
      scanRates[i] = scanned / seconds(scanStart);
      replayRates[i] = scanned / replay(database, scanned);
      events = scanned;
    }
    double scanRate = median(scanRates);
    double replayRate = median(replayRates);
    row(
        mode,
        "raw cursor scan of the store ("
            + count(events)
            + " events), median of "
            + REPLAYS
            + " with the replays between",
        rate(scanRate, "events/s"));
    row(
        mode,
        "tracking processor replay, payloads read, median of "
            + REPLAYS
            + " after "
            + REPLAY_WARM_UPS
            + " turns not counted",
        rate(replayRate, "events/s"));
    row(mode, "replay / raw scan (medians)", ratio(replayRate / scanRate) + " (target >= 0.33)");
    row(
        mode,
        "replay / raw scan of each turn",
        IntStream.range(0, REPLAYS)
            .mapToObj(i -> ratio(replayRates[i] / scanRates[i]))
            .collect(Collectors.joining(", ")));
  }

  /** Seconds for a new tracking processor to replay the store's {@code events} from the start. */
  private double replay(MongoDatabase database, long events) throws InterruptedException {
    AtomicLong replayed = new AtomicLong();
    Configurer configurer =
        Replays.configuration(serializer, database, "replay", 100, c -> new Counter(replayed));
    long start = System.nanoTime();
    Configuration replay = configurer.start();
    while (replayed.get() < events) {
      Thread.sleep(5);
    }
    double elapsed = seconds(start);
    replay.shutdown();
    return elapsed;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Reads every payload, as a projection would. */
  public static final class Counter {
    private final AtomicLong count;

    Counter(AtomicLong count) {
      this.count = count;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
      count.incrementAndGet();
    }
  }

  // Helpers

  /**
   * The file backend's compression, as the registry's setting names it: {@code
   * -Dregistry.embedded.compression=small} on the benchmark's command line (default {@code fast}).
   */
  static RegistryProperties.Compression compression() {
    return RegistryProperties.Compression.valueOf(
        System.getProperty("registry.embedded.compression", "fast").toUpperCase(Locale.ROOT));
  }

  static EmbeddedMongoServer embedded(Mode mode, Path dataDir) {
    return new EmbeddedMongoServer(
        new RegistryProperties.Embedded(mode, dataDir, 0, compression()));
  }

  static GenericDomainEventMessage<PartnershipFact> event(
      String aggregate, long sequence, PartnershipFact payload) {
    return new GenericDomainEventMessage<>("Partnership", aggregate, sequence, payload);
  }

  private static PartnerJoined joined(PartnershipId partnership, String organisation, int n) {
    return new PartnerJoined(
        partnership,
        FactId.of(partnership.value() + "-j" + n),
        FactDate.year(2001),
        OrganisationId.of(organisation),
        PartnerRole.CORE,
        SOURCE,
        RECORDED);
  }

  static EvaluationRecorded evaluation(String partnership, int n) {
    return new EvaluationRecorded(
        PartnershipId.of(partnership),
        FactId.of(partnership + "-e" + n),
        FactDate.year(2009),
        "benchmark",
        "a generated evaluation of average length for a registry fact",
        List.of(),
        SOURCE,
        RECORDED);
  }

  private void row(Mode mode, String measure, String figure) {
    String backend = mode == Mode.MEMORY ? "in memory" : "file (journal, committed each second)";
    String line = "| " + backend + " | " + measure + " | " + figure + " |";
    rows.add(line);
    System.out.println(line);
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static String rate(double perSecond, String unit) {
    return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
  }

  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  record Result(double rate, double p50Millis, double p99Millis) {
    String describe() {
      return String.format(
          Locale.ROOT, "%,.0f commands/s, p50 %.1f ms, p99 %.1f ms", rate, p50Millis, p99Millis);
    }
  }
}
