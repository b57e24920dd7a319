package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryBenchmark.count;
import static nl.partnershipregistry.bench.RegistryBenchmark.rate;
import static nl.partnershipregistry.bench.RegistryBenchmark.ratio;
import static nl.partnershipregistry.bench.RegistryBenchmark.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.api.operations.ProjectionOperations;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The read side at scale: generated partnerships ({@link GeneratedRegistry}, 100 events each)
 * preloaded through the engine into the application, then
 *
 * <ol>
 *   <li>a raw cursor scan of the store against a full rebuild of the read models through the
 *       application's rebuild operation (the read models filled straight from the store, the
 *       processor stopped and started around it), until the application's readiness lets questions
 *       in again, and the same answers before and after it; each the fastest of ten, in turns, as
 *       the first ones of either also pay for compiling the code they run. The scans run with the
 *       file backend's compactor taking no step: a registry that only reads is idle to it, and its
 *       compaction of what the preload left shared the two cores with the scans, which were
 *       measured from 68,000 to 247,000 events/s from one process to the next. Each rebuild begins
 *       once the compactor rests ({@link #awaitAtRest}). Right after the preload, the young
 *       collections during a scan copied what the preload had left young (pauses of 120 to 196 ms,
 *       one every 0.6 to 0.8 s, against 30 to 70 ms later): in turns, the scans are spread over the
 *       run as the rebuilds are;
 *   <li>a rebuild into empty read models with one event per processor batch (the writes of the
 *       projection before it wrote batches) against one with the recommended batch size;
 *   <li>state-as-of, durability and timeline questions through the query gateway, p50 and p99.
 * </ol>
 */
final class ReadModelBenchmark {

  static final int EVENTS_PER_PARTNERSHIP = 100;
  private static final int EVENTS_PER_APPEND = 5;
  private static final int QUERIES = 1_000;

  /** Raw scans and rebuilds, in turns. */
  private static final int ROUNDS = 10;

  private static final int WARM_UP = 100;
  private static final int SAMPLED_PARTNERSHIPS = 50;
  private static final Instant AFTER_EVERY_RECORDING = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(30);

  /** How long the compactor takes no step before the file counts as at rest. */
  private static final Duration AT_REST_FOR = Duration.ofMillis(500);

  private static final Duration AT_REST_LIMIT = Duration.ofMinutes(5);

  interface Rows {
    void add(Mode mode, String measure, String figure);
  }

  private final Serializer serializer;
  private final Rows rows;

  ReadModelBenchmark(Serializer serializer, Rows rows) {
    this.serializer = serializer;
    this.rows = rows;
  }

  void run(Mode mode, Path dataDir, int events) throws Exception {
    int partnerships = Math.max(1, events / EVENTS_PER_PARTNERSHIP);
    try (ConfigurableApplicationContext app = applicationInBatches(mode, dataDir)) {
      MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
      MongoDatabase database = app.getBean(MongoDatabase.class);
      MongoClient client = app.getBean(MongoClient.class);
      QueryGateway queries = app.getBean(QueryGateway.class);
      TrackingEventProcessor views = RegistryBenchmark.views(app);

      long stored = preload(mode, engine, partnerships);
      awaitCaughtUp(views, headPosition(engine));
      EmbeddedMongoServer server = app.getBean(EmbeddedMongoServer.class);
      double settling = awaitAtRest(server);
      rows.add(
          mode,
          "the data file's compactor at rest after the preload, as before each rebuild",
          String.format(Locale.ROOT, "after %.1f s", settling));

      Random random = new Random(42);
      List<Object> questions = sampleQuestions(random, partnerships);
      List<Object> before = answers(queries, questions);
      // Measured as the scan is, fastest of several: the first ones also pay for compiling the
      // code they run for the first time in this process (the compiler's threads share the two
      // cores with the rebuild), which the first scans pay for too. Scans and rebuilds in turns,
      // so that a machine slower for a while slows both.
      double fastestScan = Double.MAX_VALUE;
      double firstRebuild = 0;
      double fastestRebuild = Double.MAX_VALUE;
      double[] firstCpu = null;
      double[] fastestCpu = null;
      boolean same = true;
      for (int rebuild = 0; rebuild < ROUNDS; rebuild++) {
        fastestScan = Math.min(fastestScan, server.withoutCompaction(() -> scan(database)));
        awaitAtRest(server);
        double[] cpuBefore = {CpuTime.ofThisProcess(), CpuTime.ofCompilers()};
        long rebuildStart = System.nanoTime();
        app.getBean(ProjectionOperations.class).rebuild();
        awaitReady(app.getBean(ReadModelReadiness.class));
        double took = seconds(rebuildStart);
        double[] cpu = {
          CpuTime.ofThisProcess() - cpuBefore[0], CpuTime.ofCompilers() - cpuBefore[1]
        };
        if (rebuild == 0) {
          firstRebuild = took;
          firstCpu = cpu;
        }
        if (took < fastestRebuild) {
          fastestRebuild = took;
          fastestCpu = cpu;
        }
        same &= before.equals(answers(queries, questions));
      }
      double scanRate = stored / fastestScan;
      row(
          mode,
          "raw cursor scan of the store ("
              + count(stored)
              + " events; fastest of "
              + ROUNDS
              + ", each before a rebuild, the compactor taking no step meanwhile)",
          scanRate,
          "");
      double rebuildRate = stored / fastestRebuild;
      row(
          mode,
          "read models rebuilt by the rebuild operation (straight from the store; processor stop"
              + " and start included, until questions are answered again; fastest of "
              + ROUNDS
              + ", the first "
              + rate(stored / firstRebuild, "events/s")
              + ")",
          rebuildRate,
          "");
      rows.add(
          mode, "rebuild operation / raw scan (fastest of each)", ratio(rebuildRate / scanRate));
      rows.add(
          mode,
          "CPU of the process in the first and in the fastest rebuild, of it the compiler's"
              + " (compiling code on its first runs)",
          String.format(
              Locale.ROOT,
              "%.2f s (compiler %.2f s); %.2f s (compiler %.2f s)",
              firstCpu[0],
              firstCpu[1],
              fastestCpu[0],
              fastestCpu[1]));
      rows.add(
          mode,
          "answers after each rebuild identical to before (" + questions.size() + " questions)",
          same ? "yes" : "NO");

      double oneByOne =
          rebuildInto(client, database, engine, "bench_views_one_by_one", 1, stored, partnerships);
      double batched =
          rebuildInto(
              client,
              database,
              engine,
              "bench_views_batched",
              ReadModels.BATCH_SIZE,
              stored,
              partnerships);
      row(mode, "rebuild into empty read models, 1 event per batch (as before)", oneByOne, "");
      row(mode, "rebuild into empty read models, batch size " + ReadModels.BATCH_SIZE, batched, "");
      rows.add(mode, "batched / 1 event per batch", ratio(batched / oneByOne));
      rows.add(
          mode, "batched rebuild into empty read models / raw scan", ratio(batched / scanRate));

      queryLatencies(mode, queries, random, partnerships);
    }
  }

  private void row(Mode mode, String measure, double eventsPerSecond, String note) {
    rows.add(mode, measure, rate(eventsPerSecond, "events/s") + note);
  }

  // Preload

  /** Organisations, then the partnerships a few events per append, in turns. */
  private long preload(Mode mode, MongoEventStorageEngine engine, int partnerships) {
    long start = System.nanoTime();
    long stored = store(engine, partnerships, EVENTS_PER_PARTNERSHIP);
    rows.add(
        mode,
        "preload through the engine: "
            + count(partnerships)
            + " generated partnerships, "
            + count(stored)
            + " events, "
            + EVENTS_PER_APPEND
            + " per append",
        rate(stored / seconds(start), "events/s"));
    return stored;
  }

  /**
   * The application run in this process on a data folder, its read models' processor as the
   * application registers it (batches of {@link ReadModels#BATCH_SIZE}).
   */
  static ConfigurableApplicationContext applicationInBatches(Mode mode, Path dataDir) {
    return RegistryBenchmark.application(mode, dataDir);
  }

  /**
   * Stores the generated organisations, then {@code partnerships} generated partnerships ({@link
   * GeneratedRegistry}) of {@code eventsPerPartnership} events each, each history checked with the
   * domain's rules first, {@value #EVENTS_PER_APPEND} events per append, the partnerships in turns
   * (so that a partnership's events are spread over the store as in a registry that grows over
   * years); returns the events stored.
   */
  static long store(MongoEventStorageEngine engine, int partnerships, int eventsPerPartnership) {
    long stored = 0;
    List<List<OrganisationFact>> byOrganisation = new ArrayList<>();
    String last = null;
    for (OrganisationFact fact : GeneratedRegistry.organisations()) {
      if (!fact.organisationId().value().equals(last)) {
        byOrganisation.add(new ArrayList<>());
        last = fact.organisationId().value();
      }
      byOrganisation.get(byOrganisation.size() - 1).add(fact);
    }
    for (List<OrganisationFact> facts : byOrganisation) {
      List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
      for (int s = 0; s < facts.size(); s++) {
        messages.add(
            new GenericDomainEventMessage<>(
                "Organisation", facts.get(s).organisationId().value(), s, facts.get(s)));
      }
      engine.appendEvents(messages);
      stored += messages.size();
    }
    return stored + storePartnerships(engine, 0, partnerships, eventsPerPartnership);
  }

  /**
   * Stores {@code partnerships} generated partnerships {@code p<first>}, {@code p<first + 1>}, ...
   * of {@code eventsPerPartnership} events each, as {@link #store} does; returns the events stored.
   */
  static long storePartnerships(
      MongoEventStorageEngine engine, int first, int partnerships, int eventsPerPartnership) {
    long stored = 0;
    List<List<PartnershipEvent>> histories = new ArrayList<>();
    for (int k = first; k < first + partnerships; k++) {
      List<PartnershipEvent> history = GeneratedRegistry.partnership(k, eventsPerPartnership);
      GeneratedRegistry.requireValid(history);
      histories.add(history);
    }
    for (int from = 0; from < eventsPerPartnership; from += EVENTS_PER_APPEND) {
      for (int i = 0; i < partnerships; i++) {
        int k = first + i;
        List<PartnershipEvent> history = histories.get(i);
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int s = from; s < Math.min(history.size(), from + EVENTS_PER_APPEND); s++) {
          messages.add(new GenericDomainEventMessage<>("Partnership", "p" + k, s, history.get(s)));
        }
        if (!messages.isEmpty()) {
          engine.appendEvents(messages);
          stored += messages.size();
        }
      }
    }
    return stored;
  }

  // Rebuilds

  /** Seconds for a cursor over the whole store. */
  private static double scan(MongoDatabase database) {
    MongoCollection<Document> commits = database.getCollection("commits");
    long start = System.nanoTime();
    long scanned = 0;
    for (Document commit : commits.find().batchSize(1000)) {
      scanned += commit.getList("events", Document.class).size();
    }
    if (scanned < 0) {
      throw new IllegalStateException();
    }
    return seconds(start);
  }

  /**
   * A tracking processor of its own, with the given batch size, fills empty read models in another
   * database on the same server from the same store: events per second.
   */
  private double rebuildInto(
      MongoClient client,
      MongoDatabase appDatabase,
      MongoEventStorageEngine appEngine,
      String databaseName,
      int batchSize,
      long stored,
      int partnerships)
      throws InterruptedException {
    MongoDatabase target = client.getDatabase(databaseName);
    target.drop();
    Configurer configurer =
        Replays.configuration(
            serializer,
            appDatabase,
            ReadModels.PROCESSING_GROUP,
            batchSize,
            c -> new PartnershipViewsProjection(target, serializer));
    long start = System.nanoTime();
    Configuration configuration = configurer.start();
    try {
      awaitCaughtUp(
          configuration
              .eventProcessingConfiguration()
              .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
              .orElseThrow(),
          headPosition(appEngine));
      double rate = stored / seconds(start);
      // One head per partnership; its chunks of events have ids with '#' (EventStreams).
      long filled =
          target
              .getCollection(ReadModels.PARTNERSHIP_EVENTS)
              .countDocuments(Filters.not(Filters.regex("_id", "#")));
      if (filled != partnerships) {
        throw new IllegalStateException(
            "the rebuilt read models hold " + filled + " partnerships, not " + partnerships);
      }
      return rate;
    } finally {
      configuration.shutdown();
      target.drop();
    }
  }

  /**
   * Waits until the file backend's compactor rests: its steps stopped for a while, as they do once
   * it can no longer improve an idle file. A rebuild then begins on a file as settled as the one
   * before it, not beside the compaction of what the one before it left. Returns the seconds
   * waited; at once in memory.
   */
  static double awaitAtRest(EmbeddedMongoServer server) throws InterruptedException {
    long start = System.nanoTime();
    String steps = server.fileInfo().get("compactor.STEPS");
    if (steps == null) {
      return 0;
    }
    Instant limit = Instant.now().plus(AT_REST_LIMIT);
    long unchangedSince = System.nanoTime();
    while (System.nanoTime() - unchangedSince < AT_REST_FOR.toNanos()) {
      if (Instant.now().isAfter(limit)) {
        throw new IllegalStateException(
            "the data file's compactor was not at rest within " + AT_REST_LIMIT);
      }
      Thread.sleep(50);
      String now = server.fileInfo().get("compactor.STEPS");
      if (!now.equals(steps)) {
        steps = now;
        unchangedSince = System.nanoTime();
      }
    }
    return seconds(start);
  }

  /** Waits until the application's read models may answer again, as its questions wait. */
  private static void awaitReady(ReadModelReadiness readiness) throws InterruptedException {
    Instant limit = Instant.now().plus(CATCH_UP_LIMIT);
    while (readiness.pending().isPresent()) {
      if (Instant.now().isAfter(limit)) {
        throw new IllegalStateException("the read models were not ready again in time");
      }
      Thread.sleep(5);
    }
  }

  /** The global position of the last event stored (commit number and index in it). */
  static long headPosition(MongoEventStorageEngine engine) {
    return engine.createHeadToken().position().orElse(-1);
  }

  /**
   * Waits until every segment of the processor has applied the store up to {@code head}. A segment
   * that rebuilds stays "replaying" until an event beyond the position at its reset arrives, so
   * only the position counts.
   */
  static void awaitCaughtUp(TrackingEventProcessor processor, long head)
      throws InterruptedException {
    Instant limit = Instant.now().plus(CATCH_UP_LIMIT);
    while (!caughtUp(processor, head)) {
      if (Instant.now().isAfter(limit)) {
        throw new IllegalStateException(processor.getName() + " did not catch up in time");
      }
      Thread.sleep(20);
    }
  }

  private static boolean caughtUp(TrackingEventProcessor processor, long head) {
    var status = processor.processingStatus();
    if (status.isEmpty()) {
      return false;
    }
    for (EventTrackerStatus segment : status.values()) {
      if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < head) {
        return false;
      }
    }
    return true;
  }

  // Questions

  private static PartnershipId partnership(Random random, int partnerships) {
    return PartnershipId.of("p" + random.nextInt(partnerships));
  }

  private static LocalDate someDay(Random random) {
    return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(25 * 365));
  }

  /**
   * Half the questions as known now, half as known on an earlier day after every registration was
   * recorded (the last in January 2013), when later facts were not known yet.
   */
  private static Instant someKnowledge(Random random) {
    return random.nextBoolean()
        ? null
        : Instant.parse("2013-02-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(13 * 365)));
  }

  /**
   * Questions to ask before and after a rebuild. Each names its state of knowledge: an answer says
   * as known when, and "now" moves.
   */
  private static List<Object> sampleQuestions(Random random, int partnerships) {
    List<Object> questions = new ArrayList<>();
    for (int i = 0; i < SAMPLED_PARTNERSHIPS; i++) {
      PartnershipId id = partnership(random, partnerships);
      LocalDate day = someDay(random);
      Instant knownOn = Optional.ofNullable(someKnowledge(random)).orElse(AFTER_EVERY_RECORDING);
      questions.add(new FindPartnershipState(id, day, knownOn));
      questions.add(new FindDurabilityIndicators(id, day, knownOn));
      questions.add(new FindTimeline(id, null, knownOn));
    }
    return questions;
  }

  private static List<Object> answers(QueryGateway queries, List<Object> questions) {
    List<Object> answers = new ArrayList<>();
    for (Object question : questions) {
      answers.add(ask(queries, question));
    }
    return answers;
  }

  private static Object ask(QueryGateway queries, Object question) {
    Class<?> answer =
        question instanceof FindPartnershipState
            ? PartnershipState.class
            : question instanceof FindDurabilityIndicators
                ? DurabilityIndicators.class
                : Timeline.class;
    return queries.query(question, ResponseTypes.optionalInstanceOf(answer)).join();
  }

  private void queryLatencies(Mode mode, QueryGateway queries, Random random, int partnerships) {
    latencies(
        mode,
        "state as of a date",
        queries,
        r -> new FindPartnershipState(partnership(r, partnerships), someDay(r), someKnowledge(r)),
        random);
    latencies(
        mode,
        "durability indicators",
        queries,
        r ->
            new FindDurabilityIndicators(
                partnership(r, partnerships), someDay(r), someKnowledge(r)),
        random);
    latencies(
        mode,
        "timeline",
        queries,
        r -> new FindTimeline(partnership(r, partnerships), null, someKnowledge(r)),
        random);
  }

  private void latencies(
      Mode mode,
      String what,
      QueryGateway queries,
      Function<Random, Object> question,
      Random random) {
    for (int i = 0; i < WARM_UP; i++) {
      ask(queries, question.apply(random));
    }
    long[] nanos = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      Object q = question.apply(random);
      long start = System.nanoTime();
      Object answer = ask(queries, q);
      nanos[i] = System.nanoTime() - start;
      if (!(answer instanceof Optional<?> found) || found.isEmpty()) {
        throw new IllegalStateException("no answer to " + q);
      }
    }
    Arrays.sort(nanos);
    rows.add(
        mode,
        what + " through the query gateway (" + count(QUERIES) + " questions, 1 client)",
        String.format(
            Locale.ROOT,
            "p50 %.1f ms, p99 %.1f ms (target p99 < 100 ms)",
            nanos[QUERIES / 2] / 1e6,
            nanos[(int) (QUERIES * 0.99)] / 1e6));
  }
}
