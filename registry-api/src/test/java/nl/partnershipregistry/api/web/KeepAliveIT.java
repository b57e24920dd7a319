package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request on a kept-alive connection is answered, whether its answer is written at once (a
 * parameter refused before any question is asked, a reader who writes) or later (a question the
 * read models answer), and in whatever order they come.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=never"})
class KeepAliveIT {

  /** Not a measure of speed: an answer later than this counts as never sent. */
  static final Duration NO_ANSWER = Duration.ofSeconds(30);

  static final int CONNECTIONS = 4;
  static final int REQUESTS_PER_CONNECTION = 800;

  record Expected(String request, int status) {}

  static final String READER = RawHttp.basic("auditor");

  static final List<Expected> MIX =
      List.of(
          new Expected(RawHttp.get("/api/partnerships?asOf=2020-13", READER), 400),
          new Expected(RawHttp.get("/api/partnerships/stbk?afterCommit=abc", READER), 400),
          new Expected(RawHttp.get("/api/events?fromCommit=-5", READER), 400),
          new Expected(
              RawHttp.post("/api/partnerships/stbk/name", READER, "application/json", "{}"), 403),
          new Expected(RawHttp.get("/api/partnerships", null), 401),
          new Expected(RawHttp.get("/api/partnerships/nobody", READER), 404),
          new Expected(RawHttp.get("/api/projections/position", READER), 200),
          new Expected(RawHttp.get("/api/partnerships", READER), 200));

  @LocalServerPort int port;

  @Test
  void every_request_on_a_kept_alive_connection_is_answered() throws Exception {
    try (RawHttp warmUp = new RawHttp(port, NO_ANSWER)) {
      for (Expected expected : MIX) {
        warmUp.send(expected.request());
        warmUp.read();
      }
    }
    ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      List<Future<List<String>>> connections = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        long seed = c;
        connections.add(clients.submit(() -> exchange(new Random(seed))));
      }
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> connection : connections) {
        failures.addAll(connection.get());
      }
      assertThat(failures).as("requests not answered as expected").isEmpty();
    } finally {
      clients.shutdownNow();
    }
  }

  /** Sends requests one after the other on one connection; lists those answered wrongly or not. */
  List<String> exchange(Random random) throws Exception {
    List<String> failures = new ArrayList<>();
    try (RawHttp connection = new RawHttp(port, NO_ANSWER)) {
      for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
        Expected expected = MIX.get(random.nextInt(MIX.size()));
        String request = expected.request().lines().findFirst().orElseThrow();
        connection.send(expected.request());
        try {
          int status = connection.read().status();
          if (status != expected.status()) {
            failures.add("#" + i + " " + request + ": " + status + ", not " + expected.status());
          }
        } catch (SocketTimeoutException e) {
          failures.add("#" + i + " " + request + ": no answer within " + NO_ANSWER);
          return failures;
        }
      }
    }
    return failures;
  }
}
