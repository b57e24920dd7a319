package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryBenchmark.count;
import static nl.partnershipregistry.bench.RegistryBenchmark.median;
import static nl.partnershipregistry.bench.RegistryBenchmark.rate;
import static nl.partnershipregistry.bench.RegistryBenchmark.ratio;
import static nl.partnershipregistry.bench.RegistryBenchmark.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.bench.ReadModelBenchmark.Rows;
import nl.partnershipregistry.bench.RegistryBenchmark.Counter;
import nl.partnershipregistry.bench.RegistryBenchmark.Result;
import nl.partnershipregistry.core.partnership.FactCommandRouting;
import nl.partnershipregistry.core.partnership.Partnership;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The registry's engine against the peer a user would pick, Axon's own MongoDB engine ({@code
 * axon-mongo}'s {@code MongoEventStorageEngine}, document per event, its defaults), on the same
 * embedded server, with the same serializer, in the same run: appends against raw inserts, commands
 * through Axon, a replay against a raw scan, each measured in turns (ours, the peer, raw, the order
 * turning each time) so that the machine's noise meets all alike, medians reported; and the late
 * writer, which the peer's timestamp-based tracking token skips. The embedded server ignores
 * non-unique indexes, so the peer's reads by aggregate and by timestamp scan its whole collection
 * here (on a real MongoDB its indexes serve them); ours reads by ranges of {@code _id}.
 */
final class PeerBenchmark {

  private static final int TURNS = 3;
  private static final int APPENDS_PER_TURN = 800;
  private static final int APPEND_WARM_UP = 500;
  private static final int CLIENTS = 8;
  private static final int COMMANDS_PER_CLIENT = 60;
  private static final int COMMAND_TARGETS = 400;
  private static final int REPLAY_BATCH = 100;

  /**
   * The preloaded events are dated this far apart, as in a registry that grew over time: the peer
   * asks for the events of the second before its token by timestamp, leaving out every event id it
   * has seen in that second, so events stored in bulk within one second would make every query
   * carry thousands of ids and favour us unfairly.
   */
  private static final Duration PRELOAD_SPACING = Duration.ofMillis(100);

  /** How long a replay of the peer may take before its rate is reported as it stands. */
  private static final Duration REPLAY_LIMIT = Duration.ofMinutes(2);

  /**
   * The late writer's delay between creating its event and storing it: a unit of work that took
   * this long between applying an event and committing it (longer than the peer's look-back of one
   * second).
   */
  private static final Duration LATE_BY = Duration.ofSeconds(3);

  private static final int LATE_WRITES = 4;
  private static final Duration PROMPT_EVERY = Duration.ofMillis(20);

  private final Serializer serializer;
  private final Rows rows;

  PeerBenchmark(Serializer serializer, Rows rows) {
    this.serializer = serializer;
    this.rows = rows;
  }

  /** Every measure on a new embedded server ({@code mode}), the stores holding {@code events}. */
  void run(Mode mode, Path dataDir, int events) throws Exception {
    try (EmbeddedMongoServer server = RegistryBenchmark.embedded(mode, dataDir);
        MongoClient client = MongoClients.create(server.connectionString())) {
      rows.add(
          mode,
          "against Axon's engine: the peer",
          "axon-mongo 4.12.0 (the newest; there is no 4.13), document per event, look-back 1 s;"
              + " both with the registry's Jackson serializer");
      appends(mode, client);
      Engines stores =
          new Engines(ours(client.getDatabase("ours")), peer(client.getDatabase("peer")));
      preload(mode, stores, events);
      commands(mode, stores);
      replays(mode, client.getDatabase("ours"), stores);
      lateWriter(mode, client);
    }
  }

  private record Engines(EventStorageEngine ours, EventStorageEngine peer) {}

  MongoEventStorageEngine ours(MongoDatabase database) {
    return MongoEventStorageEngine.builder()
        .database(database)
        .eventSerializer(serializer)
        .snapshotSerializer(serializer)
        .build();
  }

  /** Axon's engine with its defaults and its own collections in {@code database}. */
  EventStorageEngine peer(MongoDatabase database) {
    org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine engine =
        org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine
            .builder()
            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .build();
    engine.ensureIndexes();
    return engine;
  }

  // Appends of one event against raw inserts of commit documents (as stage 1)

  private void appends(Mode mode, MongoClient client) {
    EventStorageEngine ours = ours(client.getDatabase("ours-appends"));
    EventStorageEngine peer = peer(client.getDatabase("peer-appends"));
    MongoCollection<Document> raw = client.getDatabase("raw-appends").getCollection("commits");
    raw.createIndex(Indexes.ascending("events.key"), new IndexOptions().unique(true));
    raw.createIndex(Indexes.ascending("events.eventIdentifier"), new IndexOptions().unique(true));
    int total = APPEND_WARM_UP + TURNS * APPENDS_PER_TURN;
    List<GenericDomainEventMessage<PartnershipFact>> events = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      String partnership = "p" + (i % 500);
      events.add(
          RegistryBenchmark.event(
              partnership, i / 500, RegistryBenchmark.evaluation(partnership, i)));
    }
    String payload = serializer.serialize(events.get(0).getPayload(), String.class).getData();
    for (int i = 0; i < APPEND_WARM_UP; i++) {
      ours.appendEvents(events.get(i));
      peer.appendEvents(events.get(i));
      raw.insertOne(RegistryBenchmark.rawCommit(i, events.get(i), payload));
    }
    double[] oursRates = new double[TURNS];
    double[] peerRates = new double[TURNS];
    double[] rawRates = new double[TURNS];
    for (int turn = 0; turn < TURNS; turn++) {
      int from = APPEND_WARM_UP + turn * APPENDS_PER_TURN;
      int to = from + APPENDS_PER_TURN;
      for (int k = 0; k < 3; k++) {
        switch ((turn + k) % 3) {
          case 0 -> oursRates[turn] = appendRate(ours, events, from, to);
          case 1 -> peerRates[turn] = appendRate(peer, events, from, to);
          default -> {
            long start = System.nanoTime();
            for (int i = from; i < to; i++) {
              raw.insertOne(RegistryBenchmark.rawCommit(i, events.get(i), payload));
            }
            rawRates[turn] = APPENDS_PER_TURN / seconds(start);
          }
        }
      }
    }
    threeWay(
        mode,
        "appends of one event, 1 thread, "
            + TURNS
            + " turns of "
            + count(APPENDS_PER_TURN)
            + " after "
            + APPEND_WARM_UP
            + " not counted",
        oursRates,
        peerRates,
        rawRates,
        "appends/s",
        "raw inserts of commit documents",
        "inserts/s");
  }

  private static double appendRate(
      EventStorageEngine engine,
      List<GenericDomainEventMessage<PartnershipFact>> events,
      int from,
      int to) {
    long start = System.nanoTime();
    for (int i = from; i < to; i++) {
      engine.appendEvents(events.get(i));
    }
    return (to - from) / seconds(start);
  }

  // The stores for commands and replays: the same events in both, in turns

  private void preload(Mode mode, Engines stores, int events) {
    int partnerships = events / RegistryBenchmark.EVENTS_PER_PARTNERSHIP;
    Instant dated = Instant.now().minus(PRELOAD_SPACING.multipliedBy(events));
    double oursSeconds = 0;
    double peerSeconds = 0;
    for (int k = 0; k < partnerships; k++) {
      String id = "p" + k;
      List<PartnershipFact> facts = RegistryBenchmark.facts(id, k);
      List<GenericDomainEventMessage<PartnershipFact>> append = new ArrayList<>();
      for (int s = 0; s < facts.size(); s++) {
        append.add(
            new GenericDomainEventMessage<>(
                "Partnership", id, s, facts.get(s), Map.of(), UUID.randomUUID().toString(), dated));
        dated = dated.plus(PRELOAD_SPACING);
      }
      long start = System.nanoTime();
      stores.ours().appendEvents(append);
      oursSeconds += seconds(start);
      start = System.nanoTime();
      stores.peer().appendEvents(append);
      peerSeconds += seconds(start);
    }
    double stored = partnerships * (double) RegistryBenchmark.EVENTS_PER_PARTNERSHIP;
    rows.add(
        mode,
        "against Axon's engine: preload, 5 events per append, the same appends in turns (ours / peer)",
        String.format(
            Locale.ROOT,
            "%s / %s; ours/peer %s",
            rate(stored / oursSeconds, "events/s"),
            rate(stored / peerSeconds, "events/s"),
            ratio(peerSeconds / oursSeconds)));
  }

  // Commands through Axon (as stage 2, without the application around it)

  /**
   * 8 clients, {@link RegistryBenchmark#commands}, in an Axon configuration of the engine and the
   * {@link Partnership} aggregate alone, without an aggregate cache: every command loads its
   * partnership from the store and appends one event, the engine's work in a command.
   */
  private void commands(Mode mode, Engines stores) throws Exception {
    Configuration ours = commandConfiguration(stores.ours());
    Configuration peer = commandConfiguration(stores.peer());
    try {
      RegistryBenchmark.commands(
          ours.commandGateway(), "p", 0, COMMAND_TARGETS, COMMANDS_PER_CLIENT);
      RegistryBenchmark.commands(
          peer.commandGateway(), "p", 0, COMMAND_TARGETS, COMMANDS_PER_CLIENT);
      double[] oursRates = new double[TURNS];
      double[] peerRates = new double[TURNS];
      List<Result> oursResults = new ArrayList<>();
      List<Result> peerResults = new ArrayList<>();
      for (int turn = 0; turn < TURNS; turn++) {
        for (int k = 0; k < 2; k++) {
          boolean isOurs = (turn + k) % 2 == 0;
          Configuration axon = isOurs ? ours : peer;
          Result result =
              RegistryBenchmark.commands(
                  axon.commandGateway(), "p", 0, COMMAND_TARGETS, COMMANDS_PER_CLIENT);
          (isOurs ? oursResults : peerResults).add(result);
          (isOurs ? oursRates : peerRates)[turn] = result.rate();
        }
      }
      threeWay(
          mode,
          "commands through Axon, 8 clients, "
              + count(CLIENTS * COMMANDS_PER_CLIENT)
              + " to "
              + COMMAND_TARGETS
              + " partnerships per turn, each loaded from the store (no aggregate cache), "
              + TURNS
              + " turns after 1 not counted",
          oursRates,
          peerRates,
          null,
          "commands/s",
          null,
          null);
      rows.add(
          mode,
          "against Axon's engine: commands, the turn of the median (ours / peer)",
          medianResult(oursResults).describe() + " / " + medianResult(peerResults).describe());
    } finally {
      ours.shutdown();
      peer.shutdown();
    }
  }

  private Configuration commandConfiguration(EventStorageEngine engine) {
    Configuration axon =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> serializer)
            .configureEventSerializer(c -> serializer)
            .configureEmbeddedEventStore(c -> engine)
            .configureAggregate(Partnership.class)
            .buildConfiguration();
    axon.commandBus().registerDispatchInterceptor(new FactCommandRouting());
    axon.start();
    return axon;
  }

  private static Result medianResult(List<Result> results) {
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Double.compare(a.rate(), b.rate()));
    return sorted.get(sorted.size() / 2);
  }

  // Replay against a raw scan (as stage 3)

  private void replays(Mode mode, MongoDatabase oursDatabase, Engines stores) throws Exception {
    long events = 0;
    for (Document commit : oursDatabase.getCollection("commits").find().batchSize(1000)) {
      events += commit.getList("events", Document.class).size();
    }
    replay(stores.ours(), events);
    replay(stores.peer(), events);
    double[] oursRates = new double[TURNS];
    double[] peerRates = new double[TURNS];
    double[] scanRates = new double[TURNS];
    long peerShort = 0;
    for (int turn = 0; turn < TURNS; turn++) {
      for (int k = 0; k < 3; k++) {
        switch ((turn + k) % 3) {
          case 0 -> oursRates[turn] = rateOf(replay(stores.ours(), events));
          case 1 -> {
            Replayed replayed = replay(stores.peer(), events);
            peerRates[turn] = rateOf(replayed);
            peerShort = Math.max(peerShort, events - replayed.events());
          }
          default -> {
            long start = System.nanoTime();
            long scanned = 0;
            for (Document commit : oursDatabase.getCollection("commits").find().batchSize(1000)) {
              scanned += commit.getList("events", Document.class).size();
            }
            scanRates[turn] = scanned / seconds(start);
          }
        }
      }
    }
    threeWay(
        mode,
        "tracking processor replay of the whole store ("
            + count(events)
            + " events), batch size "
            + REPLAY_BATCH
            + ", payloads read, "
            + TURNS
            + " turns after 1 not counted",
        oursRates,
        peerRates,
        scanRates,
        "events/s",
        "raw cursor scan of our commits",
        "events/s");
    if (peerShort > 0) {
      rows.add(
          mode,
          "against Axon's engine: replay of the peer not finished within "
              + REPLAY_LIMIT.toMinutes()
              + " min",
          count(peerShort) + " events short at the worst (its rate over the events it read)");
    }
  }

  private record Replayed(long events, double seconds) {}

  private static double rateOf(Replayed replayed) {
    return replayed.events() / replayed.seconds();
  }

  /**
   * A new tracking processor on {@code engine}, from the start, until it has handled {@code events}
   * or {@link #REPLAY_LIMIT} has passed.
   */
  private Replayed replay(EventStorageEngine engine, long events) throws InterruptedException {
    AtomicLong replayed = new AtomicLong();
    Configuration replay =
        Replays.configuration(
                serializer, engine, "replay", REPLAY_BATCH, c -> new Counter(replayed))
            .buildConfiguration();
    long start = System.nanoTime();
    Instant limit = Instant.now().plus(REPLAY_LIMIT);
    replay.start();
    while (replayed.get() < events && Instant.now().isBefore(limit)) {
      Thread.sleep(5);
    }
    double elapsed = seconds(start);
    replay.shutdown();
    return new Replayed(replayed.get(), elapsed);
  }

  // The late writer

  /**
   * A tracking processor follows a store while two writers append: one stores an event every {@link
   * #PROMPT_EVERY}, the other {@value #LATE_WRITES} times stores an event {@link #LATE_BY} after
   * creating it (a unit of work that took that long between applying the event and committing).
   * Once both stop and the processor has had time to catch up, every event stored is looked for
   * among those the processor handled.
   */
  private void lateWriter(Mode mode, MongoClient client) throws Exception {
    Missed ours = lateWriter(ours(client.getDatabase("ours-late")));
    Missed peer = lateWriter(peer(client.getDatabase("peer-late")));
    rows.add(
        mode,
        "against Axon's engine: late writer, events the tracking processor missed (ours / peer)",
        String.format(
            Locale.ROOT,
            "%s of %s / %s of %s (late writes missed: %d of %d / %d of %d)",
            count(ours.missed()),
            count(ours.stored()),
            count(peer.missed()),
            count(peer.stored()),
            ours.lateMissed(),
            LATE_WRITES,
            peer.lateMissed(),
            LATE_WRITES));
  }

  record Missed(long stored, long missed, long lateMissed) {}

  /** The late-writer scenario on {@code engine}, an empty store. */
  Missed lateWriter(EventStorageEngine engine) throws Exception {
    Set<String> handled = ConcurrentHashMap.newKeySet();
    Configuration follower =
        Replays.configuration(serializer, engine, "follower", REPLAY_BATCH, c -> new Seen(handled))
            .buildConfiguration();
    follower.start();
    Set<String> stored = ConcurrentHashMap.newKeySet();
    Set<String> late = ConcurrentHashMap.newKeySet();
    AtomicBoolean lateDone = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      Future<?> prompt =
          writers.submit(
              () -> {
                long sequence = 0;
                while (!lateDone.get()) {
                  GenericDomainEventMessage<PartnershipFact> event =
                      RegistryBenchmark.event(
                          "prompt",
                          sequence,
                          RegistryBenchmark.evaluation("prompt", (int) sequence));
                  engine.appendEvents(event);
                  stored.add(event.getIdentifier());
                  sequence++;
                  Thread.sleep(PROMPT_EVERY.toMillis());
                }
                return null;
              });
      Future<?> slow =
          writers.submit(
              () -> {
                try {
                  for (int i = 0; i < LATE_WRITES; i++) {
                    GenericDomainEventMessage<PartnershipFact> event =
                        RegistryBenchmark.event("late", i, RegistryBenchmark.evaluation("late", i));
                    Thread.sleep(LATE_BY.toMillis());
                    engine.appendEvents(event);
                    stored.add(event.getIdentifier());
                    late.add(event.getIdentifier());
                  }
                } finally {
                  lateDone.set(true);
                }
                return null;
              });
      slow.get();
      prompt.get();
      Instant limit = Instant.now().plus(Duration.ofSeconds(10));
      while (!handled.containsAll(stored) && Instant.now().isBefore(limit)) {
        Thread.sleep(50);
      }
    } finally {
      writers.shutdownNow();
      follower.shutdown();
    }
    long missed = stored.stream().filter(id -> !handled.contains(id)).count();
    long lateMissed = late.stream().filter(id -> !handled.contains(id)).count();
    return new Missed(stored.size(), missed, lateMissed);
  }

  /** Notes the identifier of every event it handles. */
  public static final class Seen {
    private final Set<String> identifiers;

    Seen(Set<String> identifiers) {
      this.identifiers = identifiers;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
      identifiers.add(message.getIdentifier());
    }
  }

  // The report

  /**
   * One row: ours, the peer and raw (medians of the turns), ours/peer and ours/raw of the medians,
   * and ours/peer of each turn.
   */
  private void threeWay(
      Mode mode,
      String measure,
      double[] ours,
      double[] peer,
      double[] raw,
      String unit,
      String rawName,
      String rawUnit) {
    double oursMedian = median(ours);
    double peerMedian = median(peer);
    StringBuilder figure =
        new StringBuilder()
            .append("ours ")
            .append(rate(oursMedian, unit))
            .append(", peer ")
            .append(rate(peerMedian, unit));
    if (raw != null) {
      figure.append(", ").append(rawName).append(' ').append(rate(median(raw), rawUnit));
    }
    figure.append("; **ours/peer ").append(ratio(oursMedian / peerMedian)).append("**");
    if (raw != null) {
      figure.append(", ours/raw ").append(ratio(oursMedian / median(raw)));
    }
    List<String> turns = new ArrayList<>();
    for (int i = 0; i < ours.length; i++) {
      turns.add(ratio(ours[i] / peer[i]));
    }
    figure.append("; ours/peer of each turn ").append(String.join(", ", turns));
    rows.add(mode, "against Axon's engine: " + measure + " (medians)", figure.toString());
  }
}
