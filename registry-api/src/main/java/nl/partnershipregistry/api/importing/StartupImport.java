package nl.partnershipregistry.api.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import nl.partnershipregistry.api.command.InputTooLarge;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import nl.partnershipregistry.api.operations.ReadModelReadiness.Filling;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * Imports at start-up: the demo dataset on a first start of the embedded database in file mode (or
 * whenever asked), and a file named by {@code registry.import.file}. Rejected lines are logged with
 * their numbers; the application starts anyway.
 *
 * <p>The demo import is marked begun before its first line and completed after its last ({@link
 * DemoImportMark}). A start that finds it begun and not completed (the process ended during it), or
 * a store that begins with the demo import's events and has no mark (written before imports were
 * marked), imports the dataset again and says so in the log: facts carry their ids, so the lines
 * applied before change nothing and the others are applied.
 *
 * <p>Whether anything is imported is decided before the web port opens, and until the read models
 * hold what was imported, questions are refused ({@link ReadModelReadiness}), not answered from
 * part of the data.
 */
public class StartupImport implements SmartInitializingSingleton, ApplicationRunner {

  /** The curated dataset from the registry's sources, in the import format. */
  public static final String DEMO_DATASET = "demo/partnerships.jsonl";

  /** Who the demo dataset's facts are recorded by. */
  public static final String DEMO_RECORDER = "demo";

  private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

  private final Importer importer;
  private final MongoEventStorageEngine engine;
  private final DemoImportMark mark;
  private final ReadModelReadiness readiness;
  private final ImportProperties properties;
  private final boolean embeddedFiles;
  private final Clock clock;
  private Optional<String> demoReason = Optional.empty();

  public StartupImport(
      Importer importer,
      MongoEventStorageEngine engine,
      DemoImportMark mark,
      ReadModelReadiness readiness,
      ImportProperties properties,
      boolean embeddedFiles,
      Clock clock) {
    this.importer = importer;
    this.engine = engine;
    this.mark = mark;
    this.readiness = readiness;
    this.properties = properties;
    this.embeddedFiles = embeddedFiles;
    this.clock = clock;
  }

  /** Decides what to import, before the web server starts, and holds the questions until done. */
  @Override
  public void afterSingletonsInstantiated() {
    demoReason = whyLoadDemo();
    if (demoReason.isPresent()) {
      readiness.hold(Filling.LOADING_DEMO);
    }
    if (importsFile()) {
      readiness.hold(Filling.IMPORTING);
    }
  }

  @Override
  public void run(ApplicationArguments arguments) throws IOException {
    try {
      if (demoReason.isPresent()) {
        loadDemo(demoReason.get());
      }
    } finally {
      if (demoReason.isPresent()) {
        readiness.await(Filling.LOADING_DEMO);
      }
    }
    if (importsFile()) {
      try {
        Path file = Path.of(properties.file());
        try (InputStream in = Files.newInputStream(file)) {
          report(file.toString(), importFrom(in, "import"));
        } catch (InputTooLarge e) {
          log.error("Import of {} stopped: {}", file, e.getMessage());
        }
      } finally {
        readiness.await(Filling.IMPORTING);
      }
    }
  }

  private void loadDemo(String reason) throws IOException {
    ClassPathResource demo = new ClassPathResource(DEMO_DATASET);
    if (!demo.exists()) {
      log.warn("No demo dataset at {} on the classpath", DEMO_DATASET);
      return;
    }
    Instant begunAt = clock.instant();
    mark.begun(DEMO_DATASET, begunAt);
    log.info("Importing the demo dataset {}: {}", DEMO_DATASET, reason);
    ImportReport report;
    try (InputStream in = demo.getInputStream()) {
      report = importFrom(in, DEMO_RECORDER);
    }
    report("demo dataset " + DEMO_DATASET, report);
    if (report.rejections().stream().anyMatch(rejection -> rejection.status() >= 500)) {
      log.warn(
          "The demo import is not marked complete: lines failed for reasons of the registry's own;"
              + " the next start imports the dataset again");
    } else {
      mark.completed(DEMO_DATASET, begunAt, clock.instant());
    }
  }

  private Optional<String> whyLoadDemo() {
    return switch (properties.demo()) {
      case ALWAYS -> Optional.of("registry.import.demo is 'always'");
      case NEVER -> Optional.empty();
      case FIRST_START -> embeddedFiles ? whyLoadOnFirstStart() : Optional.empty();
    };
  }

  private Optional<String> whyLoadOnFirstStart() {
    return switch (mark.state()) {
      case COMPLETED -> Optional.empty();
      case BEGUN ->
          Optional.of(
              "the demo import begun at "
                  + mark.begunAt().map(Instant::toString).orElse("an unknown time")
                  + " did not complete (the process ended during it); importing it again, the"
                  + " lines applied before stay unchanged");
      case ABSENT -> {
        if (engine.head() < 0) {
          yield Optional.of("first start on an empty store");
        }
        if (beginsWithDemoImport()) {
          yield Optional.of(
              "the store begins with the demo import, which was never marked complete; importing"
                  + " it again, the lines applied before stay unchanged");
        }
        yield Optional.empty();
      }
    };
  }

  /** Whether the store's first event was recorded by the demo import. */
  private boolean beginsWithDemoImport() {
    try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
      return events
          .findFirst()
          .map(TrackedEventMessage::getPayload)
          .map(
              payload ->
                  payload instanceof PartnershipEvent event
                      ? event.recorded().by()
                      : payload instanceof OrganisationFact fact ? fact.recorded().by() : null)
          .filter(DEMO_RECORDER::equals)
          .isPresent();
    }
  }

  private boolean importsFile() {
    return properties.file() != null && !properties.file().isBlank();
  }

  /**
   * Reads the file as bytes, as an import over the web is read: each line decoded strictly (bytes
   * that are not UTF-8 are a rejected line, not replaced) and bounded as a command is.
   */
  private ImportReport importFrom(InputStream in, String recordedBy) throws IOException {
    Importer.Run run = importer.start(recordedBy);
    byte[] chunk = new byte[64 * 1024];
    int read;
    while ((read = in.read(chunk)) >= 0) {
      if (read > 0 && !run.feed(Arrays.copyOf(chunk, read))) {
        break;
      }
    }
    return run.finish();
  }

  private static void report(String what, ImportReport report) {
    log.info(
        "Imported {}: {} lines, {} applied, {} unchanged, {} rejected",
        what,
        report.lines(),
        report.applied(),
        report.unchanged(),
        report.rejected());
    for (ImportReport.Rejection rejection : report.rejections()) {
      log.warn("{} line {}: {}", what, rejection.line(), rejection.problem());
    }
  }
}
