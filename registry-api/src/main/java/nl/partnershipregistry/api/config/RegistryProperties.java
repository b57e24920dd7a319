package nl.partnershipregistry.api.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's settings, under {@code registry.} in {@code application.yml}.
 *
 * @param mongodb where the data live
 * @param embedded the embedded server used when no MongoDB address is given
 * @param aggregates how commands find their aggregates
 */
@ConfigurationProperties("registry")
public record RegistryProperties(
    @DefaultValue Mongodb mongodb,
    @DefaultValue Embedded embedded,
    @DefaultValue Aggregates aggregates) {

  /**
   * @param uri a MongoDB connection string; empty for the embedded server (environment {@code
   *     MONGODB_URI})
   * @param database the database that holds the event store and the read models
   */
  public record Mongodb(@DefaultValue("") String uri, @DefaultValue("registry") String database) {

    public boolean isExternal() {
      return uri != null && !uri.isBlank();
    }
  }

  /**
   * @param mode {@code file} keeps data in {@code dataDir} across restarts; {@code memory} keeps
   *     them until the process ends (tests)
   * @param dataDir the folder of the file mode
   * @param port the loopback port the embedded server listens on; 0 picks a free one
   * @param compression how the file mode compresses its data file's pages (decision 68)
   */
  public record Embedded(
      @DefaultValue("file") Mode mode,
      @DefaultValue("./data") Path dataDir,
      @DefaultValue("0") int port,
      @DefaultValue("fast") Compression compression) {

    /** The one the settings are bound to. */
    @ConstructorBinding
    public Embedded {}

    /** With the default compression. */
    public Embedded(Mode mode, Path dataDir, int port) {
      this(mode, dataDir, port, Compression.FAST);
    }
  }

  /**
   * @param cacheSize aggregates kept in memory between commands, those used last; a command to one
   *     of them reads none of its events; 0 keeps none
   */
  public record Aggregates(@DefaultValue("5000") int cacheSize) {}

  /**
   * How the file mode compresses the pages of its data file (decision 68); pages written either way
   * read the same, so the setting can change between starts.
   */
  public enum Compression {
    /**
     * LZF: writes cost least; the data folder grows to about 5 times the events' JSON while
     * written.
     */
    FAST,
    /** DEFLATE at its fastest level: about half the data folder, bulk writes about half as fast. */
    SMALL
  }

  /** Where the embedded server keeps its data. */
  public enum Mode {
    FILE,
    MEMORY
  }
}
