package nl.partnershipregistry.api.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * Imports at start-up: the demo dataset on a first start of the embedded database in file mode (or
 * whenever asked), and a file named by {@code registry.import.file}. Rejected lines are logged with
 * their numbers; the application starts anyway.
 */
public class StartupImport implements ApplicationRunner {

  /** The curated dataset from the registry's sources, in the import format. */
  public static final String DEMO_DATASET = "demo/partnerships.jsonl";

  private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

  private final Importer importer;
  private final MongoEventStorageEngine engine;
  private final ImportProperties properties;
  private final boolean embeddedFiles;

  public StartupImport(
      Importer importer,
      MongoEventStorageEngine engine,
      ImportProperties properties,
      boolean embeddedFiles) {
    this.importer = importer;
    this.engine = engine;
    this.properties = properties;
    this.embeddedFiles = embeddedFiles;
  }

  @Override
  public void run(ApplicationArguments arguments) throws IOException {
    if (loadDemo()) {
      ClassPathResource demo = new ClassPathResource(DEMO_DATASET);
      if (demo.exists()) {
        try (InputStream in = demo.getInputStream()) {
          report("demo dataset " + DEMO_DATASET, importFrom(in, "demo"));
        }
      } else {
        log.warn("No demo dataset at {} on the classpath", DEMO_DATASET);
      }
    }
    if (properties.file() != null && !properties.file().isBlank()) {
      Path file = Path.of(properties.file());
      try (InputStream in = Files.newInputStream(file)) {
        report(file.toString(), importFrom(in, "import"));
      }
    }
  }

  private boolean loadDemo() {
    return switch (properties.demo()) {
      case ALWAYS -> true;
      case NEVER -> false;
      case FIRST_START -> embeddedFiles && engine.head() < 0;
    };
  }

  private ImportReport importFrom(InputStream in, String recordedBy) throws IOException {
    Importer.Run run = importer.start(recordedBy);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        run.apply(line);
      }
    }
    return run.report();
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
