package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request sent only in part does not hold its connection for ever, and the live stream of events,
 * which sends no body, stays open however long it lasts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=never",
      "registry.web.read-timeout=1s",
      "registry.web.request-timeout=2s",
      "server.netty.idle-timeout=2s"
    })
class TimeoutsIT {

  /** Not a measure of speed: a connection still open after this is held for ever. */
  static final Duration HELD = Duration.ofSeconds(30);

  static final String REGISTRAR = RawHttp.basic("registrar");

  @LocalServerPort int port;

  @Test
  void a_body_that_stops_halfway_loses_its_connection() throws Exception {
    try (RawHttp connection = new RawHttp(port, HELD)) {
      connection.send(
          "POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
              + REGISTRAR
              + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n{\"type\":");
      String answer = connection.readUntilClosed();
      assertThat(answer).doesNotStartWith("HTTP/1.1 2");
    }
  }

  @Test
  void a_body_that_trickles_loses_its_connection() throws Exception {
    try (RawHttp connection = new RawHttp(port, HELD)) {
      connection.send(
          "POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
              + REGISTRAR
              + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n");
      for (int i = 0; i < 10; i++) {
        Thread.sleep(500);
        try {
          connection.send(" ");
        } catch (java.io.IOException closed) {
          return;
        }
      }
      assertThat(connection.readUntilClosed()).doesNotStartWith("HTTP/1.1 2");
    }
  }

  @Test
  void headers_that_stop_halfway_lose_their_connection() throws Exception {
    try (RawHttp connection = new RawHttp(port, HELD)) {
      connection.send("GET /api/partnerships HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor");
      assertThat(connection.readUntilClosed()).isEmpty();
    }
  }

  @Test
  void the_live_stream_stays_open_past_every_timeout() throws Exception {
    try (RawHttp stream = new RawHttp(port, HELD)) {
      stream.send(RawHttp.get("/api/events/stream", RawHttp.basic("auditor")));
      assertThat(stream.readUntil("\r\n\r\n")).startsWith("HTTP/1.1 200");
      Thread.sleep(5_000);
      try (RawHttp registrar = new RawHttp(port, HELD)) {
        registrar.send(
            RawHttp.post(
                "/api/organisations",
                REGISTRAR,
                "application/json",
                CommandApiIT.organisation("stream-org")));
        assertThat(registrar.read().status()).isEqualTo(201);
      }
      assertThat(stream.readUntil("stream-org")).contains("event:OrganisationRegistered");
    }
  }
}
