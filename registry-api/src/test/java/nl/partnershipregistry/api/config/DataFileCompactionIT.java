package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.partnershipregistry.api.KilledRegistry;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compaction of a data file left by a registry that was killed: H2 rewrites some of its own
 * newest chunks round after round without gaining anything, and the compaction at opening stops
 * there rather than at its time limit (before, a start after such a kill took a minute more).
 */
class DataFileCompactionIT {

  @TempDir Path dataDir;

  @Test
  void a_file_left_by_a_killed_registry_is_compacted_until_nothing_more_is_gained()
      throws Exception {
    KilledRegistry.killAfter(dataDir, "Imported demo dataset", Duration.ofSeconds(1));
    Path file = dataDir.resolve("registry.mv");
    long left = Files.size(file);

    MVStore store = DurableH2Backend.openAsItIs(file.toString());
    DurableH2Backend.Compaction compaction;
    try {
      compaction = DurableH2Backend.compact(store, 20_000);
    } finally {
      store.close();
    }

    assertThat(compaction.outOfTime()).as("%s", compaction).isFalse();
    assertThat(compaction.before()).isEqualTo(left);
    // The file is compacted while the registry runs (decision 63), so it may have been as small as
    // it gets: then the compaction's own last commit adds a block or so.
    assertThat(compaction.after()).isLessThanOrEqualTo(left + 4 * 4096);
  }
}
