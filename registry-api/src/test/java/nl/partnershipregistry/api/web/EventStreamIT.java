package nl.partnershipregistry.api.web;

import static nl.partnershipregistry.api.web.CommandApiIT.partnership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.partnershipregistry.api.events.EventArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The live stream as a client meets it: the response starts at once, a user holds a limited number
 * of streams open, and streams waiting for events do not read the store. Each test streams as users
 * of its own, since a closed stream frees its place a moment later.
 */
@AutoConfigureWebTestClient(timeout = "PT30S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.events.streams-per-user=" + EventStreamIT.STREAMS_PER_USER
    })
class EventStreamIT {

  static final int STREAMS_PER_USER = 12;

  /** Far less than the keep-alive's 15 seconds, which used to be the first a client heard. */
  static final Duration AT_ONCE = Duration.ofSeconds(5);

  @LocalServerPort int port;
  @Autowired WebTestClient anonymous;
  @MockitoSpyBean EventArchive archive;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final ObjectMapper json = new ObjectMapper();
  final List<Stream> streams = new ArrayList<>();

  /** Whether this process has opened a stream: the first one also loads and compiles its code. */
  static boolean warm;

  @BeforeEach
  void warmUp() throws Exception {
    if (!warm) {
      http.sendAsync(request("registrar", ""), HttpResponse.BodyHandlers.ofInputStream())
          .get(30, TimeUnit.SECONDS)
          .body()
          .close();
      warm = true;
    }
  }

  @AfterEach
  void closeStreams() {
    streams.forEach(Stream::close);
  }

  @Test
  void a_stream_answers_at_once_with_its_headers_and_a_first_line_before_any_event()
      throws Exception {
    Stream stream = open("funder", "");

    assertThat(stream.response().statusCode()).isEqualTo(200);
    assertThat(stream.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(stream.nextLine()).isEqualTo("retry:5000");
  }

  @Test
  void a_user_with_the_most_streams_open_is_refused_with_429_until_one_of_them_ends()
      throws Exception {
    List<Stream> auditors = new ArrayList<>();
    for (int i = 0; i < STREAMS_PER_USER; i++) {
      Stream stream = open("auditor", "");
      assertThat(stream.response().statusCode()).isEqualTo(200);
      auditors.add(stream);
    }

    HttpResponse<String> refused = send("auditor", "", HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "User auditor already has 12 event streams open, the most allowed at once; close one,"
                + " or try again later.");
    assertThat(open("funder", "").response().statusCode())
        .as("another user's streams are counted apart")
        .isEqualTo(200);

    auditors.get(0).close();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(open("auditor", "").response().statusCode()).isEqualTo(200));
  }

  @Test
  void streams_waiting_for_events_do_not_read_the_store_one_reader_serves_them_all()
      throws Exception {
    List<Stream> waiting = new ArrayList<>();
    for (int i = 0; i < STREAMS_PER_USER; i++) {
      Stream stream = open("researcher", "?partnershipId=tail-1");
      assertThat(stream.nextLine()).isEqualTo("retry:5000");
      waiting.add(stream);
    }
    clearInvocations(archive);

    anonymous
        .mutate()
        .filter(basicAuthentication("registrar", "registrar"))
        .build()
        .post()
        .uri("/api/partnerships")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(partnership("tail-1"))
        .exchange()
        .expectStatus()
        .isCreated();
    for (Stream stream : waiting) {
      assertThat(stream.lineStartingWith("event:")).isEqualTo("event:PartnershipRegistered");
    }

    long reads =
        mockingDetails(archive).getInvocations().stream()
            .filter(call -> call.getMethod().getName().equals("commits"))
            .count();
    assertThat(reads)
        .as("reads of the store while %d streams waited for one event", STREAMS_PER_USER)
        .isLessThan(STREAMS_PER_USER);
  }

  /** Opens a stream and waits no longer than {@link #AT_ONCE} for its response to start. */
  Stream open(String user, String query) throws Exception {
    HttpResponse<InputStream> response =
        send(user, query, HttpResponse.BodyHandlers.ofInputStream());
    Stream stream =
        new Stream(
            response,
            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
    streams.add(stream);
    return stream;
  }

  <T> HttpResponse<T> send(String user, String query, BodyHandler<T> body) throws Exception {
    return http.sendAsync(request(user, query), body)
        .get(AT_ONCE.toMillis(), TimeUnit.MILLISECONDS);
  }

  HttpRequest request(String user, String query) {
    String credentials = user + ":" + user;
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/events/stream" + query))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "text/event-stream")
        .GET()
        .build();
  }

  record Stream(HttpResponse<InputStream> response, BufferedReader lines) {

    String nextLine() throws Exception {
      return CompletableFuture.supplyAsync(this::readLine)
          .get(AT_ONCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    String lineStartingWith(String prefix) throws Exception {
      return CompletableFuture.supplyAsync(
              () -> {
                for (String line = readLine(); line != null; line = readLine()) {
                  if (line.startsWith(prefix)) {
                    return line;
                  }
                }
                return null;
              })
          .get(20, TimeUnit.SECONDS);
    }

    private String readLine() {
      try {
        return lines.readLine();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    void close() {
      try {
        response.body().close();
      } catch (Exception e) {
        // closed already
      }
    }
  }
}
