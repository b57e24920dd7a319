package nl.partnershipregistry.api.operations;

import java.time.Duration;

/**
 * The read models cannot answer yet: they are being filled (the demo data at a first start, a
 * rebuild, the catch-up after a start) or have not reached the commit a client waits for. A
 * question asked meanwhile is refused rather than answered from part of the data.
 */
public class ReadModelsNotReady extends RuntimeException {

  /** How long a client is asked to wait before asking again. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final String reason;

  public ReadModelsNotReady(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * A short code: {@code loading-demo}, {@code importing}, {@code rebuilding}, {@code catching-up}
   * or {@code behind} (not yet at a client's {@code afterCommit}).
   */
  public String reason() {
    return reason;
  }
}
