package nl.partnershipregistry.api.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Imports at start-up, under {@code registry.import}.
 *
 * @param file a JSON Lines file to import at every start (repeats change nothing); empty for none
 * @param demo when to load the demo dataset
 * @param maxSize the largest file {@code POST /api/import} reads (413 beyond it)
 */
@ConfigurationProperties("registry.import")
public record ImportProperties(
    @DefaultValue("") String file,
    @DefaultValue("first-start") DemoLoading demo,
    @DefaultValue("64MB") DataSize maxSize) {

  /** When the demo dataset is loaded. */
  public enum DemoLoading {
    /**
     * When the embedded database starts empty in file mode (the default); not in memory mode
     * (tests) nor with {@code MONGODB_URI}.
     */
    FIRST_START,
    /** At every start, also on an outside MongoDB (repeats change nothing). */
    ALWAYS,
    NEVER
  }
}
