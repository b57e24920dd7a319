package nl.partnershipregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waiting for the application: its readiness probe and its read models' position. */
final class Readiness {

  private static final long SAMPLE_MILLIS = 50;

  private Readiness() {}

  /**
   * Samples {@code /actuator/health/readiness} every {@value #SAMPLE_MILLIS} ms from the start
   * until it first answers 200 with {@code UP}; returns the nanoTime of that answer. Fails when the
   * process ends or {@code limit} passes.
   */
  static long awaitUp(RegistryProcess app, Duration limit) throws Exception {
    RegistryHttp http = new RegistryHttp(app.base());
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.alive()) {
        throw new IllegalStateException("the registry ended at start-up:\n" + app.logTail());
      }
      try {
        HttpResponse<String> response = http.get("/actuator/health/readiness", null);
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return System.nanoTime();
        }
      } catch (IOException notListeningYet) {
        // the port opens late in the start
      }
      Thread.sleep(SAMPLE_MILLIS);
    }
    throw new IllegalStateException(
        "the registry was not ready after " + limit.toSeconds() + " s:\n" + app.logTail());
  }

  /** The global position of the last event the read models applied (-1 for none). */
  static long position(RegistryHttp http) throws IOException, InterruptedException {
    JsonNode position = http.json("/api/projections/position", "auditor");
    return position.path("lastApplied").asLong(-1);
  }

  /**
   * Waits until the read models have applied {@code lastPosition}, at most {@code limit}; returns
   * the seconds it took, or -1 when they had not.
   */
  static double awaitPosition(RegistryHttp http, long lastPosition, Duration limit)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (position(http) < lastPosition) {
      if (System.nanoTime() > deadline) {
        return -1;
      }
      Thread.sleep(SAMPLE_MILLIS);
    }
    return RegistryBenchmark.seconds(start);
  }
}
