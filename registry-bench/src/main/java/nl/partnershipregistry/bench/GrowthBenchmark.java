package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryBenchmark.count;
import static nl.partnershipregistry.bench.RegistryBenchmark.ratio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a write costs on disk as one partnership's history grows, on the file backend: generated
 * partnerships as a background ({@link ReadModelBenchmark#store}), then one partnership that grows
 * to {@code events} events. Around its {@value #FIRST}th, {@value #SECOND}th and {@value #THIRD}th
 * event, {@value #WINDOW} events are written one per append, each awaited until the read models
 * applied it, and the bytes written meanwhile are averaged per write: to the journal (the commit,
 * the token, the read models and their mark, each before its reply) and to the data file, from a
 * commit of the store before the window to one after it ({@code journal.WRITE_BYTES} and {@code
 * info.FILE_WRITE_BYTES}), with the growth of the file; in between, the partnership's events are
 * appended {@value #BULK} at a time. Then {@value #WINDOW} more with the read models' processor
 * stopped, for what the append alone costs; last, the file's size per event stored, running and
 * after a clean close.
 */
final class GrowthBenchmark {

  static final int FIRST = 100;
  static final int SECOND = 1_000;
  static final int THIRD = 10_000;
  private static final int WINDOW = 100;
  private static final int BULK = 50;
  private static final int BACKGROUND_PARTNERSHIPS = 100;
  private static final String GROWING = "growing";

  private final ReadModelBenchmark.Rows rows;

  GrowthBenchmark(ReadModelBenchmark.Rows rows) {
    this.rows = rows;
  }

  /** Per write within a window: bytes written to the file and the file's growth, on average. */
  private record Window(int from, double bytesWritten, double fileGrowth, double millis) {}

  void run(Path dataDir) throws Exception {
    Mode mode = Mode.FILE;
    List<Window> windows = new ArrayList<>();
    long stored;
    long runningSize;
    double appendAlone;
    try (ConfigurableApplicationContext app =
        ReadModelBenchmark.applicationInBatches(mode, dataDir)) {
      MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
      // Through the event store rather than the engine, so that the processor learns of each
      // append at once instead of at its next poll (a second later).
      EventStore events = app.getBean(EventStore.class);
      EmbeddedMongoServer server = app.getBean(EmbeddedMongoServer.class);
      TrackingEventProcessor views = RegistryBenchmark.views(app);

      stored = ReadModelBenchmark.store(engine, BACKGROUND_PARTNERSHIPS, 100);
      ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
      rows.add(
          mode,
          "background: "
              + BACKGROUND_PARTNERSHIPS
              + " generated partnerships and their organisations",
          count(stored) + " events");

      long sequence = 0;
      for (int target : List.of(FIRST, SECOND, THIRD)) {
        // Up to the event before the window, in bulk.
        while (sequence < target - 1) {
          int n = (int) Math.min(BULK, target - 1 - sequence);
          List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            messages.add(message(sequence++));
          }
          events.publish(messages);
          stored += n;
        }
        ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
        server.commitFile();
        Map<String, String> before = server.fileInfo();
        long start = System.nanoTime();
        for (int i = 0; i < WINDOW; i++) {
          events.publish(message(sequence++));
          stored++;
          awaitApplied(views, ReadModelBenchmark.headPosition(engine));
        }
        double millis = (System.nanoTime() - start) / 1e6 / WINDOW;
        server.commitFile();
        Map<String, String> after = server.fileInfo();
        windows.add(
            new Window(
                target,
                bytesWritten(before, after) / (double) WINDOW,
                (number(after, "info.FILE_SIZE") - number(before, "info.FILE_SIZE"))
                    / (double) WINDOW,
                millis));
      }
      // The same writes with the read models' processor stopped: what the append alone costs.
      views.shutDown();
      server.commitFile();
      Map<String, String> before = server.fileInfo();
      for (int i = 0; i < WINDOW; i++) {
        events.publish(message(sequence++));
        stored++;
      }
      server.commitFile();
      Map<String, String> after = server.fileInfo();
      appendAlone = bytesWritten(before, after) / (double) WINDOW;
      views.start();
      ReadModelBenchmark.awaitCaughtUp(views, ReadModelBenchmark.headPosition(engine));
      runningSize = number(server.fileInfo(), "info.FILE_SIZE");
    }
    long closedSize = Files.size(dataDir.resolve("registry.mv"));

    for (Window window : windows) {
      rows.add(
          mode,
          "a write at the growing partnership's "
              + count(window.from())
              + "th to "
              + count(window.from() + WINDOW - 1)
              + "th event (one event per append, awaited until applied)",
          String.format(
              Locale.ROOT,
              "%s bytes written to the journal and the file, file grew %s bytes, %.1f ms per write",
              count(Math.round(window.bytesWritten())),
              count(Math.round(window.fileGrowth())),
              window.millis()));
    }
    rows.add(
        mode,
        "of which the append alone (the next "
            + WINDOW
            + " events with the read models' processor stopped)",
        count(Math.round(appendAlone)) + " bytes written to the journal and the file per write");
    double lowest = windows.stream().mapToDouble(Window::bytesWritten).min().orElseThrow();
    double highest = windows.stream().mapToDouble(Window::bytesWritten).max().orElseThrow();
    Window first = windows.get(0);
    Window last = windows.get(windows.size() - 1);
    rows.add(
        mode,
        "bytes written per write, at the " + count(THIRD) + "th / at the " + FIRST + "th event",
        ratio(last.bytesWritten() / first.bytesWritten()));
    rows.add(
        mode, "bytes written per write, highest / lowest of the three", ratio(highest / lowest));
    double grewLeast = windows.stream().mapToDouble(Window::fileGrowth).min().orElseThrow();
    double grewMost = windows.stream().mapToDouble(Window::fileGrowth).max().orElseThrow();
    rows.add(
        mode,
        "file growth per write, highest / lowest of the three",
        grewLeast > 0 ? ratio(grewMost / grewLeast) : "lowest is " + count(Math.round(grewLeast)));
    rows.add(
        mode,
        "file size per event stored, running (" + count(stored) + " events)",
        count(runningSize / stored) + " bytes");
    rows.add(
        mode,
        "file size per event stored, after a clean close (" + count(stored) + " events)",
        count(closedSize / stored) + " bytes");
  }

  /** Waits, checking every millisecond, until the processor has applied {@code head}. */
  private static void awaitApplied(TrackingEventProcessor views, long head)
      throws InterruptedException {
    long limit = System.nanoTime() + 60_000_000_000L;
    while (views.processingStatus().values().stream()
        .anyMatch(s -> s.getCurrentPosition().orElse(-1) < head)) {
      if (System.nanoTime() > limit) {
        throw new IllegalStateException("the read models did not apply position " + head);
      }
      Thread.sleep(1);
    }
  }

  /**
   * The bytes written between two reports: to the data file (its commits, the window's own last one
   * included) and to its journal (each write, before its reply).
   */
  private static long bytesWritten(Map<String, String> before, Map<String, String> after) {
    return number(after, "info.FILE_WRITE_BYTES")
        - number(before, "info.FILE_WRITE_BYTES")
        + number(after, "journal.WRITE_BYTES")
        - number(before, "journal.WRITE_BYTES");
  }

  private static long number(Map<String, String> info, String key) {
    String value = info.get(key);
    if (value == null) {
      throw new IllegalStateException("the file backend does not report " + key);
    }
    return Long.parseLong(value);
  }

  /** The growing partnership's event at {@code sequence}: five facts to start, then evaluations. */
  private static GenericDomainEventMessage<?> message(long sequence) {
    PartnershipFact fact =
        sequence < 5
            ? RegistryBenchmark.facts(GROWING, 0).get((int) sequence)
            : RegistryBenchmark.evaluation(GROWING, (int) sequence);
    return RegistryBenchmark.event(GROWING, sequence, fact);
  }
}
