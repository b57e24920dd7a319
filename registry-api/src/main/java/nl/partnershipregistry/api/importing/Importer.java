package nl.partnershipregistry.api.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import nl.partnershipregistry.api.command.CommandCatalogue;
import nl.partnershipregistry.api.command.CommandOutcome;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.CommandSender;
import nl.partnershipregistry.api.web.Problems;
import org.springframework.http.ProblemDetail;

/**
 * Applies a JSON Lines file of commands in order (see {@code docs/import.md}). Each line is read
 * and sent on its own: a rejected line is reported with its number and problem and does not stop
 * the others. Facts carry their ids, so importing the same file again changes nothing.
 */
public class Importer {

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

  /** One import in progress. Not thread-safe: lines are applied one after the other. */
  public final class Run {

    private final String recordedBy;
    private final List<ImportReport.Rejection> rejections = new ArrayList<>();
    private long lines;
    private long applied;
    private long unchanged;
    private long firstCommit = -1;
    private long lastCommit = -1;

    private Run(String recordedBy) {
      this.recordedBy = recordedBy;
    }

    /** Reads and applies the next line. */
    public void apply(String line) {
      lines++;
      if (line == null || line.isBlank()) {
        return;
      }
      String commandName = null;
      try {
        ObjectNode json = reader.parse(line);
        CommandCatalogue entry = reader.commandOf(json);
        commandName = entry.commandName();
        Object command = reader.readLine(entry, json, recordedBy, clock.instant());
        CommandOutcome outcome = sender.send(entry, command).join();
        if (outcome.changed()) {
          applied++;
          if (firstCommit < 0) {
            firstCommit = outcome.commits().get(0);
          }
          lastCommit = outcome.lastCommit();
        } else {
          unchanged++;
        }
      } catch (RuntimeException e) {
        reject(
            commandName,
            e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
      }
    }

    private void reject(String commandName, Throwable failure) {
      ProblemDetail problem = Problems.of(failure);
      var properties = problem.getProperties();
      rejections.add(
          new ImportReport.Rejection(
              lines,
              commandName,
              problem.getStatus(),
              properties == null ? null : (String) properties.get("field"),
              properties == null ? null : (String) properties.get("rule"),
              problem.getDetail()));
    }

    public ImportReport report() {
      return new ImportReport(
          lines, applied, unchanged, rejections.size(), firstCommit, lastCommit, rejections);
    }
  }
}
