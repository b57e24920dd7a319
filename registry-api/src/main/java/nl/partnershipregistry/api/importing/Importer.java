package nl.partnershipregistry.api.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import nl.partnershipregistry.api.command.CommandCatalogue;
import nl.partnershipregistry.api.command.CommandOutcome;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.CommandSender;
import nl.partnershipregistry.api.web.Problems;
import org.springframework.http.ProblemDetail;

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

  public Importer(CommandReader reader, CommandSender sender, Clock clock) {
    this.reader = reader;
    this.sender = sender;
    this.clock = clock;
  }

  /** Starts an import on behalf of a user; feed it the lines in order, then {@code report()}. */
  public Run start(String recordedBy) {
    return new Run(recordedBy);
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
    private final List<ImportReport.Rejection> rejections = new ArrayList<>();
    private long lines;
    private long applied;
    private long unchanged;
    private long firstCommit = -1;
    private long lastCommit = -1;

    private Run(String recordedBy) {
      this.recordedBy = recordedBy;
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
    }

    /** Waits until every line sent has settled, and tells what the import did. */
    public ImportReport report() {
      CompletableFuture.allOf(lastOfAggregate.values().toArray(CompletableFuture[]::new)).join();
      synchronized (this) {
        List<ImportReport.Rejection> inOrder = new ArrayList<>(rejections);
        inOrder.sort(Comparator.comparingLong(ImportReport.Rejection::line));
        return new ImportReport(
            lines, applied, unchanged, inOrder.size(), firstCommit, lastCommit, inOrder);
      }
    }
  }
}
