package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryHttp.format;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The registry under load, in one run of the executable jar as a child process (file backend, the
 * demo dataset):
 *
 * <ol>
 *   <li>latencies of a state question and a command without live-event subscribers, then twice with
 *       {@code subscribers} idle subscribers to {@code GET /api/events/stream}, then without them
 *       again (the two phases of each kind pooled); the subscribers must each receive every event
 *       stored while they listen;
 *   <li>{@code requests} requests on kept-alive connections from 16 clients, a fixed mix of answers
 *       200, 400, 401, 403, 404 and 422: every request must be answered, with the status expected,
 *       within {@link RegistryHttp#TIMEOUT}.
 * </ol>
 *
 * Usage: {@code ./bench load [requests] [subscribers] [probes]} (default 200000, 1000, 2000).
 */
final class LoadRun {

  static final int REQUESTS = 200_000;
  static final int SUBSCRIBERS = 1_000;
  static final int PROBES = 2_000;

  private static final int PROBE_CLIENTS = 4;
  private static final int WARM_UP_ROUNDS = 3;
  private static final int MIX_CLIENTS = 16;
  private static final String[] READERS = {"auditor", "researcher", "funder"};
  private static final Duration CONNECTING = Duration.ofSeconds(60);
  private static final Duration DELIVERING = Duration.ofSeconds(30);

  /**
   * The longest a phase of probes may take: where the subscribers slow the registry down to a few
   * requests a second, the phase ends with fewer answers (the row says how many) rather than
   * running for hours.
   */
  private static final Duration PHASE_LIMIT = Duration.ofMinutes(3);

  /** What each request of the mix asks and the status it must get. */
  private enum Kind {
    STATE(200, "state question `GET /api/partnerships/{id}`"),
    LIST(200, "registry question `GET /api/partnerships?size=10`"),
    DURABILITY(200, "durability question `GET /api/partnerships/{id}/durability`"),
    BAD_DAY(400, "`GET /api/partnerships/{id}?asOf=2020-13`"),
    BAD_COMMIT(400, "`GET /api/events?fromCommit=-5`"),
    NO_CREDENTIALS(401, "`GET /api/partnerships/{id}` without credentials"),
    READER_WRITES(403, "an auditor's `POST /api/partnerships/{id}/evaluations`"),
    UNKNOWN(404, "`GET /api/partnerships/{unknown id}`"),
    BROKEN_RULE(422, "`POST /api/partnerships/{id}/partners` dated before the start");

    final int expected;
    final String request;

    Kind(int expected, String request) {
      this.expected = expected;
      this.request = request;
    }
  }

  /** The mix, repeated: 40 % questions (200), 20 % 400 and 10 % each of 401, 403, 404, 422. */
  private static final Kind[] MIX = {
    Kind.STATE,
    Kind.BAD_DAY,
    Kind.LIST,
    Kind.NO_CREDENTIALS,
    Kind.DURABILITY,
    Kind.READER_WRITES,
    Kind.STATE,
    Kind.UNKNOWN,
    Kind.BAD_COMMIT,
    Kind.BROKEN_RULE
  };

  /** A demo partnership the probes only ask about: its stream stays quiet while they run. */
  private static final String QUIET_PARTNERSHIP = "stbk";

  private final int requests;
  private final int subscribers;
  private final int probes;
  private final ReportTable report = new ReportTable();
  private List<String> partnerships;

  LoadRun(int requests, int subscribers, int probes) {
    this.requests = requests;
    this.subscribers = subscribers;
    this.probes = probes;
  }

  static LoadRun of(String[] args) {
    return new LoadRun(
        args.length > 1 ? Integer.parseInt(args[1]) : REQUESTS,
        args.length > 2 ? Integer.parseInt(args[2]) : SUBSCRIBERS,
        args.length > 3 ? Integer.parseInt(args[3]) : PROBES);
  }

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("registry-load").resolve("data");
    List<String> settings =
        List.of(
            "--registry.import.demo=first-start",
            // Room for every subscriber, whatever the registry allows one user by default.
            "--registry.events.streams-per-user=" + Math.max(20, subscribers));
    try (RegistryProcess app = new RegistryProcess(dataDir, settings)) {
      app.start();
      long up = Readiness.awaitUp(app, Duration.ofMinutes(3));
      row(
          "start",
          "registry ready (readiness UP) after",
          format("%.1f s", (up - app.startedAt()) / 1e9));
      RegistryHttp setup = new RegistryHttp(app.base());
      for (int c = 0; c < Math.max(PROBE_CLIENTS, MIX_CLIENTS); c++) {
        expect(setup.post("/api/partnerships", "registrar", Facts.registration(own(c))), 201);
      }
      Export export = Export.read(setup);
      partnerships = new ArrayList<>(export.facts().keySet());
      partnerships.sort(null);
      Readiness.awaitPosition(setup, export.lastPosition(), Duration.ofMinutes(2));
      row(
          "start",
          "store",
          format("%,d events, %d partnerships", export.events(), partnerships.size()));

      // Long enough that the phase measured first runs as warm as the ones after it: with one
      // warm-up of as many probes, the first phase still took a quarter more CPU than the third.
      for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
        probe(app, "warm-up-" + round, probes);
      }
      // Without, with, with, without: the machine's phases get cheaper over a run (by a tenth to a
      // quarter even after the warm-up), and in this order a steady drift weighs the same on the
      // phases with subscribers as on those without, whose times are then pooled.
      Probe before = probe(app, "before", probes);
      before.report("without subscribers");
      Probe with = subscribed(app, "with", "with " + format("%,d", subscribers) + " subscribers");
      Probe withAgain =
          subscribed(
              app, "with-again", "with " + format("%,d", subscribers) + " subscribers, again");
      Probe after = probe(app, "after", probes);
      after.report("without subscribers, after them");
      // The same number of streams, each following a partnership the probes do not write to: what
      // open streams cost the registry when no event has to be sent to them.
      Probe quiet;
      try (Subscribers listening = new Subscribers(app, subscribers, QUIET_PARTNERSHIP)) {
        listening.awaitConnected();
        quiet = probe(app, "quiet", probes);
        quiet.report(
            "with " + format("%,d", subscribers) + " subscribers to a partnership left alone");
        listening.reportOpen();
      }
      Latencies questionsWith = Latencies.pooled(with.questions, withAgain.questions);
      Latencies questionsWithout = Latencies.pooled(before.questions, after.questions);
      Latencies commandsWith = Latencies.pooled(with.commands, withAgain.commands);
      Latencies commandsWithout = Latencies.pooled(before.commands, after.commands);
      row(
          "subscribers",
          "p99 with / without subscribers, the two phases of each pooled: state question",
          format(
              "%.2f (target <= 1.50; %.1f / %.1f ms)",
              questionsWith.percentile(99) / questionsWithout.percentile(99),
              questionsWith.percentile(99),
              questionsWithout.percentile(99)));
      row(
          "subscribers",
          "p99 with / without subscribers, the two phases of each pooled: command",
          format(
              "%.2f (target <= 1.50; %.1f / %.1f ms)",
              commandsWith.percentile(99) / commandsWithout.percentile(99),
              commandsWith.percentile(99),
              commandsWithout.percentile(99)));
      row(
          "subscribers",
          "p99 with subscribers / without, the phase before them: state question, command",
          with.ratiosTo(before));
      row(
          "subscribers",
          "p99 with subscribers, again / without, the phase after them: state question, command",
          withAgain.ratiosTo(after));
      row(
          "subscribers",
          "p99 with subscribers to a partnership left alone / without, before: state question,"
              + " command",
          quiet.ratiosTo(before) + " (no event sent to them)");

      mix(app);
      print(app);
    }
  }

  // 1. Probes and subscribers

  /** A phase of probes while {@link #subscribers} follow every event, which each must receive. */
  private Probe subscribed(RegistryProcess app, String phase, String label) throws Exception {
    try (Subscribers listening = new Subscribers(app, subscribers)) {
      listening.awaitConnected();
      Probe probe = probe(app, phase, probes);
      probe.report(label);
      listening.report(probe);
      return probe;
    }
  }

  /** The latencies of one phase: a state question and a command in turns from 4 clients. */
  private final class Probe {
    final String phase;
    final Latencies questions = new Latencies();
    final Latencies commands = new Latencies();
    final AtomicLong failures = new AtomicLong();
    final AtomicReference<String> firstFailure = new AtomicReference<>();
    final AtomicLong lastCommit = new AtomicLong(-1);
    final AtomicLong firstCommit = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong acknowledged = new AtomicLong();
    volatile boolean cutShort;
    double registryCpu;
    double benchmarkCpu;
    double seconds;

    Probe(String phase) {
      this.phase = phase;
    }

    /** This phase's p99 divided by another's: the state question's, then the command's. */
    String ratiosTo(Probe other) {
      return format(
          "%.2f, %.2f",
          questions.percentile(99) / other.questions.percentile(99),
          commands.percentile(99) / other.commands.percentile(99));
    }

    void fail(String what) {
      failures.incrementAndGet();
      firstFailure.compareAndSet(null, what);
    }

    void report(String label) {
      if (cutShort) {
        label += format(" (ended at the %d-minute limit)", PHASE_LIMIT.toMinutes());
      }
      row("subscribers", "state question, " + label, questions.describe());
      row("subscribers", "command (RecordEvaluation), " + label, commands.describe());
      row(
          "subscribers",
          "CPU used: registry, benchmark (cores of the phase's time), " + label,
          format(
              "%.1f s, %.1f s in %.1f s (%.2f, %.2f)",
              registryCpu, benchmarkCpu, seconds, registryCpu / seconds, benchmarkCpu / seconds));
      if (failures.get() > 0) {
        row(
            "subscribers",
            "failed probes, " + label,
            format("%,d, the first: %s", failures.get(), firstFailure.get()));
      }
    }
  }

  private Probe probe(RegistryProcess app, String phase, int count) throws Exception {
    Probe probe = new Probe(phase);
    // Each phase's commands go to partnerships of its own, registered before it is measured, and
    // the questions to the partnerships of the start, which no command changes: so that every
    // phase asks and records the same, rather than a later phase reading and checking histories
    // the earlier ones made longer.
    RegistryHttp setup = new RegistryHttp(app.base());
    for (int c = 0; c < PROBE_CLIENTS; c++) {
      expect(setup.post("/api/partnerships", "registrar", Facts.registration(own(c, phase))), 201);
    }
    ExecutorService clients = Executors.newFixedThreadPool(PROBE_CLIENTS);
    List<Future<?>> done = new ArrayList<>();
    long started = System.nanoTime();
    double registryCpu = CpuTime.of(app.pid());
    double benchmarkCpu = CpuTime.ofThisProcess();
    long deadline = started + PHASE_LIMIT.toNanos();
    for (int c = 0; c < PROBE_CLIENTS; c++) {
      int client = c;
      done.add(
          clients.submit(
              () -> {
                RegistryHttp http = new RegistryHttp(app.base());
                for (int i = client; i < count; i += PROBE_CLIENTS) {
                  if (System.nanoTime() > deadline) {
                    probe.cutShort = true;
                    break;
                  }
                  String question =
                      "/api/partnerships/" + partnerships.get(i % partnerships.size());
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<String> answer = http.get(question, "researcher");
                    if (answer.statusCode() == 200) {
                      probe.questions.add(System.nanoTime() - sent);
                    } else {
                      probe.fail("GET " + question + ": " + answer.statusCode());
                    }
                  } catch (IOException e) {
                    probe.fail("GET " + question + ": " + e);
                  }
                  String command = "/api/partnerships/" + own(client, phase) + "/evaluations";
                  String factId = own(client, phase) + "-" + i;
                  sent = System.nanoTime();
                  try {
                    HttpResponse<String> answer =
                        http.post(command, "registrar", Facts.evaluation(factId));
                    if (answer.statusCode() == 202) {
                      probe.commands.add(System.nanoTime() - sent);
                      long commit = RegistryHttp.lastCommit(answer.body());
                      probe.lastCommit.accumulateAndGet(commit, Math::max);
                      probe.firstCommit.accumulateAndGet(commit, Math::min);
                      probe.acknowledged.incrementAndGet();
                    } else {
                      probe.fail("POST " + command + ": " + answer.statusCode());
                    }
                  } catch (IOException e) {
                    probe.fail("POST " + command + ": " + e);
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    clients.shutdown();
    probe.seconds = (System.nanoTime() - started) / 1e9;
    probe.registryCpu = CpuTime.of(app.pid()) - registryCpu;
    probe.benchmarkCpu = CpuTime.ofThisProcess() - benchmarkCpu;
    return probe;
  }

  /**
   * Idle subscribers to the live events, spread over the readers: each counts the events it
   * receives (their ids are commit numbers). They are plain HTTP/1.1 connections read by one thread
   * of the benchmark (non-blocking sockets, one selector), each sending its request and then only
   * reading: so that 1,000 readers on the same two cores as the registry take as little of them as
   * a reader can, and the phase measures what the streams cost the registry rather than what an
   * HTTP client library costs the benchmark. Closing closes every connection.
   */
  private final class Subscribers implements AutoCloseable {

    private final List<Listener> listeners = new ArrayList<>();
    private final long openedAt = System.nanoTime();
    private final Selector selector;
    private final Thread reader;
    private volatile boolean closing;

    Subscribers(RegistryProcess app, int count) throws IOException {
      this(app, count, null);
    }

    /** As many subscribers, each to one partnership's events ({@code partnershipId}) if given. */
    Subscribers(RegistryProcess app, int count, String partnershipId) throws IOException {
      selector = Selector.open();
      InetSocketAddress address = new InetSocketAddress(app.base().getHost(), app.base().getPort());
      String path =
          "/api/events/stream" + (partnershipId == null ? "" : "?partnershipId=" + partnershipId);
      for (int i = 0; i < count; i++) {
        String request =
            "GET "
                + path
                + " HTTP/1.1\r\nHost: "
                + address.getHostString()
                + ":"
                + address.getPort()
                + "\r\nAccept: text/event-stream\r\nAuthorization: "
                + RegistryHttp.basic(READERS[i % READERS.length])
                + "\r\n\r\n";
        Listener listener = new Listener(request.getBytes(StandardCharsets.US_ASCII));
        listeners.add(listener);
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        listener.channel = channel;
        if (channel.connect(address)) {
          listener.send();
          channel.register(selector, SelectionKey.OP_READ, listener);
        } else {
          channel.register(selector, SelectionKey.OP_CONNECT, listener);
        }
      }
      reader = new Thread(this::read, "subscribers");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
      byte[] bytes = buffer.array();
      try {
        while (!closing) {
          selector.select(100);
          for (SelectionKey key : selector.selectedKeys()) {
            Listener listener = (Listener) key.attachment();
            try {
              if (key.isConnectable()) {
                listener.channel.finishConnect();
                listener.send();
                key.interestOps(SelectionKey.OP_READ);
              } else if (key.isReadable()) {
                buffer.clear();
                int read = listener.channel.read(buffer);
                if (read < 0) {
                  listener.completed = true;
                  key.cancel();
                  listener.channel.close();
                } else {
                  listener.read(bytes, read);
                }
              }
            } catch (IOException | RuntimeException e) {
              listener.failure = e;
              key.cancel();
              listener.channel.close();
            }
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException e) {
        listeners.forEach(l -> l.failure = l.failure == null ? e : l.failure);
      }
    }

    /** Waits until every subscriber has its answer's status line, or {@link #CONNECTING} passed. */
    void awaitConnected() throws InterruptedException {
      long deadline = System.nanoTime() + CONNECTING.toNanos();
      while (System.nanoTime() < deadline && listeners.stream().anyMatch(l -> l.pending())) {
        Thread.sleep(50);
      }
      long open = listeners.stream().filter(l -> l.status == 200).count();
      long lastAnswer =
          listeners.stream()
              .filter(l -> l.status != 0)
              .mapToLong(l -> l.answeredAt)
              .max()
              .orElse(openedAt);
      row(
          "subscribers",
          "streams opened (answered 200) / asked",
          format(
              "%,d / %,d, the last answer after %.1f s%s",
              open, listeners.size(), (lastAnswer - openedAt) / 1e9, refusals()));
    }

    /**
     * How many subscribers received every event stored during {@code phase}, waiting up to {@link
     * #DELIVERING} for the last one.
     */
    void report(Probe phase) throws InterruptedException {
      long first = phase.firstCommit.get();
      long last = phase.lastCommit.get();
      long deadline = System.nanoTime() + DELIVERING.toNanos();
      List<Listener> open = listeners.stream().filter(l -> l.status == 200).toList();
      while (System.nanoTime() < deadline
          && open.stream().anyMatch(l -> l.lastCommit() < last && l.failure == null)) {
        Thread.sleep(50);
      }
      long complete =
          open.stream().filter(l -> l.received(first, last) >= phase.acknowledged.get()).count();
      long fewest = open.stream().mapToLong(l -> l.received(first, last)).min().orElse(0);
      long failed = listeners.stream().filter(l -> l.failure != null || l.completed).count();
      row(
          "subscribers",
          "subscribers that received every event of the measured phase",
          format(
              "%,d / %,d (%,d events acknowledged; fewest received %,d; streams ended or failed %,d)",
              complete, open.size(), phase.acknowledged.get(), fewest, failed));
    }

    /** How many of the streams are still open, having received no event. */
    void reportOpen() {
      long open =
          listeners.stream()
              .filter(l -> l.status == 200 && l.failure == null && !l.completed)
              .count();
      long events = listeners.stream().mapToLong(l -> l.received(0, Long.MAX_VALUE)).sum();
      row(
          "subscribers",
          "subscribers to a partnership left alone, still open / events they received",
          format("%,d / %,d", open, events));
    }

    private String refusals() {
      Map<String, Long> other =
          listeners.stream()
              .filter(l -> l.status != 200)
              .collect(
                  Collectors.groupingBy(
                      l ->
                          l.status != 0
                              ? "status " + l.status
                              : l.failure != null ? "failed" : "no answer",
                      TreeMap::new,
                      Collectors.counting()));
      return other.isEmpty() ? "" : "; others: " + other;
    }

    @Override
    public void close() throws InterruptedException, IOException {
      closing = true;
      selector.wakeup();
      reader.join(5_000);
      for (Listener listener : listeners) {
        listener.channel.close();
      }
      selector.close();
    }
  }

  /**
   * One subscriber's connection, read as it comes: the answer's status line, then the bytes are
   * scanned for the lines that start with {@code id:} (the commit numbers) without being decoded
   * into text. The lines of the chunked encoding between the stream's writes never start so.
   */
  private static final class Listener {
    private static final int LINE_START = 0;
    private static final int I = 1;
    private static final int ID = 2;
    private static final int VALUE = 3;
    private static final int REST_OF_LINE = 4;

    private final ByteBuffer request;
    SocketChannel channel;
    volatile int status;
    volatile long answeredAt;
    volatile Throwable failure;
    volatile boolean completed;

    /** The commits received, each once, in the order received (commits arrive in order). */
    private long[] commits = new long[1024];

    private int size;
    private volatile long last = -1;
    private int state = LINE_START;
    private long value;
    private boolean digits;

    /** The status line's bytes read so far, until its status is known. */
    private final StringBuilder statusLine = new StringBuilder();

    Listener(byte[] request) {
      this.request = ByteBuffer.wrap(request);
    }

    void send() throws IOException {
      while (request.hasRemaining()) {
        channel.write(request);
      }
    }

    boolean pending() {
      return status == 0 && failure == null;
    }

    long lastCommit() {
      return last;
    }

    synchronized long received(long first, long last) {
      long count = 0;
      for (int i = 0; i < size; i++) {
        if (commits[i] >= first && commits[i] <= last) {
          count++;
        }
      }
      return count;
    }

    /** The first {@code length} bytes of {@code bytes}, as they came. */
    void read(byte[] bytes, int length) {
      int i = 0;
      while (i < length) {
        if (state == REST_OF_LINE && status != 0) {
          // Most bytes are the rest of a data line: on to the line's end without looking at them.
          while (i < length && bytes[i] != '\n') {
            i++;
          }
          if (i == length) {
            return;
          }
        }
        read(bytes[i++]);
      }
    }

    private void read(byte b) {
      if (status == 0) {
        if (b == '\n') {
          String[] parts = statusLine.toString().trim().split(" ");
          status = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
          answeredAt = System.nanoTime();
        } else {
          statusLine.append((char) b);
        }
        return;
      }
      if (b == '\n') {
        if (state == VALUE && digits && value != last) {
          synchronized (this) {
            if (size == commits.length) {
              commits = Arrays.copyOf(commits, size * 2);
            }
            commits[size++] = value;
          }
          last = value;
        }
        state = LINE_START;
        return;
      }
      switch (state) {
        case LINE_START -> state = b == 'i' ? I : REST_OF_LINE;
        case I -> state = b == 'd' ? ID : REST_OF_LINE;
        case ID -> {
          if (b == ':') {
            state = VALUE;
            value = 0;
            digits = false;
          } else {
            state = REST_OF_LINE;
          }
        }
        case VALUE -> {
          if (b >= '0' && b <= '9') {
            value = value * 10 + (b - '0');
            digits = true;
          } else if (b != ' ' && b != '\r') {
            state = REST_OF_LINE;
          }
        }
        default -> {}
      }
    }
  }

  // 2. The keep-alive mix

  /** What the requests of one kind got. */
  private static final class Outcome {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong expected = new AtomicLong();
    final AtomicLong timedOut = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final Map<Integer, AtomicLong> otherStatuses = new TreeMap<>();
    final AtomicReference<String> firstOther = new AtomicReference<>();
    final Latencies latencies = new Latencies();

    synchronized void other(int status, String body) {
      otherStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
      firstOther.compareAndSet(
          null, status + " " + body.substring(0, Math.min(160, body.length())).replace('|', '/'));
    }

    synchronized String others() {
      return otherStatuses.isEmpty() ? "" : otherStatuses.toString();
    }
  }

  private void mix(RegistryProcess app) throws Exception {
    Map<Kind, Outcome> outcomes = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      outcomes.put(kind, new Outcome());
    }
    ExecutorService clients = Executors.newFixedThreadPool(MIX_CLIENTS);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < MIX_CLIENTS; c++) {
      int client = c;
      done.add(
          clients.submit(
              () -> {
                RegistryHttp http = new RegistryHttp(app.base());
                for (int n = client; n < requests; n += MIX_CLIENTS) {
                  Kind kind = MIX[(n / MIX_CLIENTS) % MIX.length];
                  Outcome outcome = outcomes.get(kind);
                  outcome.sent.incrementAndGet();
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<String> answer = send(http, kind, client, n);
                    outcome.latencies.add(System.nanoTime() - sent);
                    outcome.answered.incrementAndGet();
                    if (answer.statusCode() == kind.expected) {
                      outcome.expected.incrementAndGet();
                    } else {
                      outcome.other(answer.statusCode(), answer.body());
                    }
                  } catch (HttpTimeoutException e) {
                    outcome.timedOut.incrementAndGet();
                  } catch (IOException e) {
                    outcome.failed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    double elapsed = RegistryBenchmark.seconds(start);
    clients.shutdown();

    long sent = 0;
    long answered = 0;
    long expected = 0;
    long unanswered = 0;
    for (Kind kind : Kind.values()) {
      Outcome o = outcomes.get(kind);
      sent += o.sent.get();
      answered += o.answered.get();
      expected += o.expected.get();
      unanswered += o.timedOut.get() + o.failed.get();
      row(
          "keep-alive mix",
          kind.expected + ": " + kind.request,
          format(
              "%,d sent, %,d answered, %,d with %d%s; %,d timed out, %,d failed; %s%s",
              o.sent.get(),
              o.answered.get(),
              o.expected.get(),
              kind.expected,
              o.others().isEmpty() ? "" : ", others " + o.others(),
              o.timedOut.get(),
              o.failed.get(),
              o.latencies.describe(),
              o.firstOther.get() == null ? "" : "; first other: " + o.firstOther.get()));
    }
    row(
        "keep-alive mix",
        format("all, %d clients, timeout %d s", MIX_CLIENTS, RegistryHttp.TIMEOUT.toSeconds()),
        format(
            "%,d sent, %,d answered, %,d with the status expected, %,d unanswered; %.0f s, %,.0f"
                + " requests/s",
            sent, answered, expected, unanswered, elapsed, sent / elapsed));
  }

  private HttpResponse<String> send(RegistryHttp http, Kind kind, int client, int n)
      throws IOException, InterruptedException {
    String partnership = partnerships.get(n % partnerships.size());
    return switch (kind) {
      case STATE -> http.get("/api/partnerships/" + partnership, "researcher");
      case LIST -> http.get("/api/partnerships?size=10", "funder");
      case DURABILITY -> http.get("/api/partnerships/" + partnership + "/durability", "auditor");
      case BAD_DAY -> http.get("/api/partnerships/" + partnership + "?asOf=2020-13", "researcher");
      case BAD_COMMIT -> http.get("/api/events?fromCommit=-5", "auditor");
      case NO_CREDENTIALS -> http.get("/api/partnerships/" + partnership, null);
      case READER_WRITES ->
          http.post(
              "/api/partnerships/" + own(client) + "/evaluations",
              "auditor",
              Facts.evaluation(own(client) + "-by-a-reader-" + n));
      case UNKNOWN -> http.get("/api/partnerships/no-such-partnership-" + n, "researcher");
      case BROKEN_RULE ->
          http.post(
              "/api/partnerships/" + own(client) + "/partners",
              "registrar",
              Facts.partnerBeforeStart(own(client) + "-early-partner-" + n));
    };
  }

  // Helpers

  /** The partnership of client {@code c}, registered for the run. */
  private static String own(int c) {
    return "load-" + c;
  }

  /** The partnership a probing client records its evaluations in during one phase. */
  private static String own(int c, String phase) {
    return "load-" + phase + "-" + c;
  }

  private static void expect(HttpResponse<String> response, int status) throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + " instead of "
              + status
              + ": "
              + response.body());
    }
  }

  private void row(String scenario, String measure, String figure) {
    report.row(scenario, measure, figure);
  }

  private void print(RegistryProcess app) {
    report.print(
        format(
            "`./bench load %d %d %d`: the executable jar as a child process, file backend, demo"
                + " dataset; log %s%n",
            requests, subscribers, probes, app.log()));
  }
}
