package nl.partnershipregistry.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import nl.partnershipregistry.api.RegistryApplication;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.CommitmentId;
import nl.partnershipregistry.core.partnership.CommitmentType;
import nl.partnershipregistry.core.partnership.PartnerRole;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.command.RecordEvaluation;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.EvaluationRecorded;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.eventstore.serialization.RegistryJackson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
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
 *   <li>the read side ({@link ReadModelBenchmark}): 2,000 generated partnerships, 200,000 events,
 *       the read models' rebuild against a raw scan, and question latencies.
 * </ol>
 *
 * Prints a Markdown report. Usage: {@code ./bench [events]} (default 100000), or {@code ./bench
 * read-models [events] [memory|file]} for the read side alone (default 200000 events, both
 * backends).
 */
public final class RegistryBenchmark {

  private static final int APPENDS = 4_000;
  private static final int READ_MODEL_EVENTS = 200_000;
  private static final int CLIENTS = 8;
  private static final int COMMANDS_PER_CLIENT = 600;
  private static final int EVENTS_PER_PARTNERSHIP = 5;
  private static final SourceCitation SOURCE =
      SourceCitation.of("benchmark", "generated partnership");
  private static final Recording RECORDED =
      Recording.of(Instant.parse("2026-01-01T00:00:00Z"), "bench");

  private final Serializer serializer =
      JacksonSerializer.builder().objectMapper(RegistryJackson.eventMapper()).build();
  private final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    RegistryApplication.withoutUpdateCheck();
    if (args.length > 0 && args[0].equals("read-models")) {
      int events = args.length > 1 ? Integer.parseInt(args[1]) : READ_MODEL_EVENTS;
      List<Mode> modes =
          args.length > 2
              ? List.of(Mode.valueOf(args[2].toUpperCase(Locale.ROOT)))
              : List.of(Mode.MEMORY, Mode.FILE);
      new RegistryBenchmark().readModelsOnly(events, modes);
    } else {
      int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
      new RegistryBenchmark().run(events);
    }
    // Stopped Axon configurations and embedded servers may leave threads behind.
    System.exit(0);
  }

  /** Only the read side (stage 4), at {@code events} events (100 per partnership). */
  private void readModelsOnly(int events, List<Mode> modes) throws Exception {
    for (Mode mode : modes) {
      Path dataDir = Files.createTempDirectory("registry-bench");
      new ReadModelBenchmark(serializer, this::row).run(mode, dataDir.resolve("read"), events);
    }
    print();
  }

  private void run(int largeStore) throws Exception {
    int smallStore = largeStore / 10;
    for (Mode mode : List.of(Mode.MEMORY, Mode.FILE)) {
      Path dataDir = Files.createTempDirectory("registry-bench");
      appendsAgainstRawInserts(mode, dataDir.resolve("store"));
      commandsAndReplay(mode, dataDir.resolve("app"), smallStore, largeStore);
      new ReadModelBenchmark(serializer, this::row)
          .run(mode, dataDir.resolve("read"), READ_MODEL_EVENTS);
    }
    print();
  }

  private void print() {
    Runtime runtime = Runtime.getRuntime();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %d MiB heap max, Java %s, %s%n%n",
            runtime.availableProcessors(),
            runtime.maxMemory() / (1024 * 1024),
            System.getProperty("java.version"),
            System.getProperty("os.name")));
    report.append("| backend | measure | figure |\n|---|---|---|\n");
    rows.forEach(r -> report.append(r).append('\n'));
    System.out.println();
    System.out.println(report);
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

  private static Document rawCommit(
      long number, GenericDomainEventMessage<?> event, String payload) {
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
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(RegistryApplication.class)
            .logStartupInfo(false)
            .run(
                "--server.port=0",
                "--registry.embedded.mode=" + mode.name().toLowerCase(Locale.ROOT),
                "--registry.embedded.data-dir=" + dataDir,
                "--logging.level.root=WARN")) {
      EventStorageEngine engine = app.getBean(EventStorageEngine.class);
      CommandGateway gateway = app.getBean(CommandGateway.class);

      int partnershipsSmall = smallStore / EVENTS_PER_PARTNERSHIP;
      double preloadSmall = preload(engine, 0, partnershipsSmall);
      row(mode, "preload through the engine, 5 events per append", rate(preloadSmall, "events/s"));
      Result small = commands(gateway, 0, partnershipsSmall);
      row(mode, "commands, 8 clients, " + count(smallStore) + " events stored", small.describe());

      int partnershipsLarge = largeStore / EVENTS_PER_PARTNERSHIP;
      preload(engine, partnershipsSmall, partnershipsLarge);
      Result large = commands(gateway, partnershipsLarge - partnershipsSmall, partnershipsLarge);
      row(mode, "commands, 8 clients, " + count(largeStore) + " events stored", large.describe());
      row(
          mode,
          "commands/s at " + count(largeStore) + " / at " + count(smallStore),
          ratio(large.rate() / small.rate()) + " (target >= 0.80)");

      MongoDatabase database = app.getBean(MongoDatabase.class);
      replayAgainstScan(mode, database);
    }
  }

  /** Stores partnerships {@code from} to {@code to}, five events each, one append each. */
  private double preload(EventStorageEngine engine, int from, int to) {
    long start = System.nanoTime();
    for (int k = from; k < to; k++) {
      String id = "p" + k;
      PartnershipId partnership = PartnershipId.of(id);
      List<PartnershipFact> facts =
          List.of(
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
      List<GenericDomainEventMessage<PartnershipFact>> events = new ArrayList<>();
      for (int s = 0; s < facts.size(); s++) {
        events.add(event(id, s, facts.get(s)));
      }
      engine.appendEvents(events);
    }
    return (to - from) * (double) EVENTS_PER_PARTNERSHIP / seconds(start);
  }

  /**
   * 8 clients send {@link RecordEvaluation} commands to partnerships {@code from} to {@code to},
   * none touched before, so every stage meets the same mix of cold and cached aggregates.
   */
  private Result commands(CommandGateway gateway, int from, int to) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicLong sequence = new AtomicLong();
    long[] latencies = new long[CLIENTS * COMMANDS_PER_CLIENT];
    AtomicLong slot = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      done.add(
          clients.submit(
              () -> {
                for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
                  long n = sequence.getAndIncrement();
                  String id = "p" + (from + (n % (to - from)));
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

  private void replayAgainstScan(Mode mode, MongoDatabase database) throws Exception {
    MongoCollection<Document> commits = database.getCollection("commits");
    long scanStart = System.nanoTime();
    long scanned = 0;
    for (Document commit : commits.find().batchSize(1000)) {
      scanned += commit.getList("events", Document.class).size();
    }
    double scanRate = scanned / seconds(scanStart);

    AtomicLong replayed = new AtomicLong();
    Configurer configurer =
        Replays.configuration(serializer, database, "replay", 100, c -> new Counter(replayed));
    long replayStart = System.nanoTime();
    Configuration replay = configurer.start();
    while (replayed.get() < scanned) {
      Thread.sleep(5);
    }
    double replayRate = scanned / seconds(replayStart);
    replay.shutdown();
    row(
        mode,
        "raw cursor scan of the store (" + count(scanned) + " events)",
        rate(scanRate, "events/s"));
    row(mode, "tracking processor replay, payloads read", rate(replayRate, "events/s"));
    row(mode, "replay / raw scan", ratio(replayRate / scanRate) + " (target >= 0.33)");
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

  private static EmbeddedMongoServer embedded(Mode mode, Path dataDir) {
    return new EmbeddedMongoServer(new RegistryProperties.Embedded(mode, dataDir, 0));
  }

  private static GenericDomainEventMessage<PartnershipFact> event(
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

  private static EvaluationRecorded evaluation(String partnership, int n) {
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
    String backend = mode == Mode.MEMORY ? "in memory" : "file (commit per write)";
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

  private record Result(double rate, double p50Millis, double p99Millis) {
    String describe() {
      return String.format(
          Locale.ROOT, "%,.0f commands/s, p50 %.1f ms, p99 %.1f ms", rate, p50Millis, p99Millis);
    }
  }
}
