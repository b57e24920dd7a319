package nl.partnershipregistry.api.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import nl.partnershipregistry.api.command.CommandCatalogue;
import nl.partnershipregistry.api.command.CommandOutcome;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.CommandSender;
import nl.partnershipregistry.api.command.InputTooLarge;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.api.problems.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ProblemDetail;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies a JSON Lines file of commands (see {@code docs/import.md}). Each line is read and sent on
 * its own: a rejected line is reported with its number and problem and does not stop the others.
 * Facts carry their ids, so importing the same file again changes nothing.
 *
 * <p>The lines about one partnership or organisation are applied in file order, each after the one
 * before it has been settled; lines about different aggregates go to the command bus without
 * waiting for each other (up to {@value #IN_FLIGHT} lines at a time, on {@value #SENDERS} threads),
 * since no rule of one aggregate reads another. Their appends then share the event store's inserts
 * (group commit), which with the durable file backend means far fewer commits of its store.
 *
 * <p>A file fed as bytes ({@link Run#feed}) is split into lines here, each line at most as large as
 * a command ({@link CommandReader#maxBytes()}) and decoded strictly as UTF-8; a longer line or one
 * that is not UTF-8 is a rejection like any other. The whole file is bounded too ({@code
 * registry.import.max-size}): beyond it the import stops, and the lines before it stay applied.
 */
public class Importer {

  /** Lines sent and not yet settled, at most. */
  static final int IN_FLIGHT = 256;

  /**
   * Threads that send the lines: the command bus handles a command on the thread that sends it, so
   * lines about different aggregates need threads of their own to be stored together.
   */
  static final int SENDERS = 8;

  private static final ExecutorService SENDING =
      Executors.newFixedThreadPool(
          SENDERS,
          runnable -> {
            Thread thread = new Thread(runnable, "import-sender");
            thread.setDaemon(true);
            return thread;
          });

  private final CommandReader reader;
  private final CommandSender sender;
  private final Clock clock;
  private final long maxImportBytes;

  public Importer(CommandReader reader, CommandSender sender, Clock clock, long maxImportBytes) {
    this.reader = reader;
    this.sender = sender;
    this.clock = clock;
    this.maxImportBytes = maxImportBytes;
  }

  /** The largest file an import reads, in bytes ({@code registry.import.max-size}). */
  public long maxImportBytes() {
    return maxImportBytes;
  }

  /** The refusal of a file known to be larger than {@link #maxImportBytes()}. */
  public InputTooLarge tooLarge(long bytes) {
    return new InputTooLarge(
        "The import is "
            + bytes
            + " bytes; an import reads at most "
            + maxImportBytes
            + " bytes (registry.import.max-size). Split the file: lines already recorded change"
            + " nothing when imported again.");
  }

  /** Starts an import on behalf of a user; feed it the lines in order, then {@code report()}. */
  public Run start(String recordedBy) {
    return new Run(recordedBy);
  }

  /**
   * Imports a file as its pieces arrive, reading them off the event loop; the report once every
   * line has settled (an error for a file over the size limit, see {@link Run#finish()}). The JSON
   * API's import and the registrar's import page both import this way.
   */
  public Mono<ImportReport> importFile(Flux<DataBuffer> file, String recordedBy) {
    return Mono.fromCallable(() -> start(recordedBy))
        .flatMap(
            run ->
                file.publishOn(Schedulers.boundedElastic())
                    .<Void>handle(
                        (buffer, sink) -> {
                          if (!run.feed(buffer)) {
                            sink.complete();
                          }
                        })
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                    .then(Mono.fromCallable(run::finish)));
  }

  /** Imports all lines at once. */
  public ImportReport importLines(Iterable<String> lines, String recordedBy) {
    Run run = start(recordedBy);
    for (String line : lines) {
      run.apply(line);
    }
    return run.report();
  }

  /**
   * One import in progress. Lines are fed from one thread, in order; their commands settle on the
   * command bus's threads, and {@link #report()} waits for all of them.
   */
  public final class Run {

    private final String recordedBy;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final Map<String, CompletableFuture<Void>> lastOfAggregate = new HashMap<>();

    /** The rejections listed: those of the lowest line numbers, the highest at the head. */
    private final PriorityQueue<ImportReport.Rejection> rejections =
        new PriorityQueue<>(Comparator.comparingLong(ImportReport.Rejection::line).reversed());

    private long rejected;
    private long lines;
    private long bytesRead;
    private boolean overLimit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long lineBytes;
    private long applied;
    private long unchanged;
    private long firstCommit = -1;
    private long lastCommit = -1;

    private Run(String recordedBy) {
      this.recordedBy = recordedBy;
    }

    /**
     * Reads the next piece of the file, applying each line it completes; false once the file is
     * over the import's size limit, when the rest is not read (see {@link #finish()}).
     */
    public boolean feed(DataBuffer buffer) {
      try {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        return feed(bytes);
      } finally {
        DataBufferUtils.release(buffer);
      }
    }

    /** As {@link #feed(DataBuffer)}, for bytes. */
    public boolean feed(byte[] bytes) {
      if (overLimit) {
        return false;
      }
      bytesRead += bytes.length;
      if (bytesRead > maxImportBytes) {
        overLimit = true;
        return false;
      }
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          append(bytes, start, i);
          endLine();
          start = i + 1;
        }
      }
      append(bytes, start, bytes.length);
      return true;
    }

    private void append(byte[] bytes, int from, int to) {
      lineBytes += to - from;
      // A line longer than a command (a carriage return aside) is not kept, only measured.
      if (lineBytes <= reader.maxBytes() + 1L) {
        line.write(bytes, from, to - from);
      } else {
        line.reset();
      }
    }

    private void endLine() {
      long size = lineBytes;
      byte[] bytes = line.toByteArray();
      line.reset();
      lineBytes = 0;
      int length = bytes.length;
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
        size--;
      }
      if (size > reader.maxBytes()) {
        refuse(
            new InputTooLarge(
                "The line is "
                    + size
                    + " bytes; a line holds at most "
                    + reader.maxBytes()
                    + " bytes, as a command does."));
        return;
      }
      String text;
      try {
        text = CommandReader.decode(java.util.Arrays.copyOf(bytes, length));
      } catch (InvalidInput e) {
        refuse(e);
        return;
      }
      apply(text);
    }

    /**
     * The report, once the last line (one without a line feed after it) is applied and every line
     * has settled; an import stopped at its size limit is refused with what it did before.
     */
    public ImportReport finish() {
      if (!overLimit && (lineBytes > 0 || line.size() > 0)) {
        endLine();
      }
      ImportReport report = report();
      if (overLimit) {
        throw new InputTooLarge(
            "The import is larger than "
                + maxImportBytes
                + " bytes (registry.import.max-size) and stopped there, after line "
                + report.lines()
                + ": "
                + report.applied()
                + " lines were applied, "
                + report.unchanged()
                + " unchanged and "
                + report.rejected()
                + " rejected. Import the rest as a file of its own: lines already recorded change"
                + " nothing.");
      }
      return report;
    }

    /** A line that could not be read at all (too long, not UTF-8). */
    private void refuse(RuntimeException problem) {
      long number;
      synchronized (this) {
        number = ++lines;
      }
      reject(number, null, problem);
    }

    /**
     * Reads the next line and sends it once the line before it about the same aggregate settled.
     */
    public void apply(String line) {
      long number;
      synchronized (this) {
        number = ++lines;
      }
      if (line == null || line.isBlank()) {
        return;
      }
      String commandName = null;
      try {
        ObjectNode json = reader.parse(line);
        CommandCatalogue entry = reader.commandOf(json);
        commandName = entry.commandName();
        Object command = reader.readLine(entry, json, recordedBy, clock.instant());
        String aggregate = entry.target() + ":" + CommandSender.aggregateOf(entry, command);
        inFlight.acquireUninterruptibly();
        String name = commandName;
        CompletableFuture<Void> before =
            lastOfAggregate.getOrDefault(aggregate, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> settled =
            before
                .thenComposeAsync(ignored -> sender.send(entry, command), SENDING)
                .handle(
                    (outcome, failure) -> {
                      try {
                        if (failure == null) {
                          stored(outcome);
                        } else {
                          reject(number, name, unwrap(failure));
                        }
                      } finally {
                        inFlight.release();
                      }
                      return null;
                    });
        lastOfAggregate.put(aggregate, settled);
      } catch (RuntimeException e) {
        reject(number, commandName, unwrap(e));
      }
    }

    private static Throwable unwrap(Throwable failure) {
      return failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause()
          : failure;
    }

    private synchronized void stored(CommandOutcome outcome) {
      if (outcome.changed()) {
        applied++;
        long first = outcome.commits().get(0);
        firstCommit = firstCommit < 0 ? first : Math.min(firstCommit, first);
        lastCommit = Math.max(lastCommit, outcome.lastCommit());
      } else {
        unchanged++;
      }
    }

    private synchronized void reject(long line, String commandName, Throwable failure) {
      rejected++;
      if (rejections.size() >= ImportReport.LISTED_AT_MOST && rejections.peek().line() < line) {
        return;
      }
      ProblemDetail problem = Problems.of(failure);
      var properties = problem.getProperties();
      rejections.add(
          new ImportReport.Rejection(
              line,
              commandName,
              problem.getStatus(),
              properties == null ? null : (String) properties.get("field"),
              properties == null ? null : (String) properties.get("rule"),
              problem.getDetail()));
      if (rejections.size() > ImportReport.LISTED_AT_MOST) {
        rejections.poll();
      }
    }

    /** Waits until every line sent has settled, and tells what the import did. */
    public ImportReport report() {
      CompletableFuture.allOf(lastOfAggregate.values().toArray(CompletableFuture[]::new)).join();
      synchronized (this) {
        List<ImportReport.Rejection> inOrder = new ArrayList<>(rejections);
        inOrder.sort(Comparator.comparingLong(ImportReport.Rejection::line));
        return new ImportReport(
            lines,
            applied,
            unchanged,
            rejected,
            firstCommit < 0 ? null : firstCommit,
            lastCommit < 0 ? null : lastCommit,
            inOrder,
            rejected - inOrder.size());
      }
    }
  }
}
