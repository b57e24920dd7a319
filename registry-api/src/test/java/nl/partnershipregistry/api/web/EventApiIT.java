package nl.partnershipregistry.api.web;

import static nl.partnershipregistry.api.web.CommandApiIT.admit;
import static nl.partnershipregistry.api.web.CommandApiIT.organisation;
import static nl.partnershipregistry.api.web.CommandApiIT.partnership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "registry.embedded.mode=memory")
class EventApiIT {

  @Autowired WebTestClient anonymous;
  final ObjectMapper json = new ObjectMapper();

  WebTestClient as(String user) {
    return anonymous.mutate().filter(basicAuthentication(user, user)).build();
  }

  void record(String path, String body) {
    as("registrar")
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .is2xxSuccessful();
  }

  void registerWithPartner(String id) {
    record("/api/organisations", organisation(id + "-org"));
    record("/api/partnerships", partnership(id));
    record("/api/partnerships/" + id + "/partners", admit(id + "-org", "2002"));
  }

  List<JsonNode> lines(String body) throws Exception {
    return body.lines().filter(l -> !l.isBlank()).map(this::read).toList();
  }

  JsonNode read(String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }

  /** The rule of docs/hash-chain.md, written from the document alone. */
  static String hash(JsonNode e, String previous) throws Exception {
    String[] fields = {
      "partnership-registry-event-v1",
      e.get("aggregateIdentifier").asText(),
      e.get("sequenceNumber").asText(),
      e.get("eventIdentifier").asText(),
      e.path("type").isNull() ? "" : e.path("type").asText(""),
      e.get("timestamp").asText(),
      e.get("payloadType").asText(),
      e.path("payloadRevision").isNull() ? "" : e.path("payloadRevision").asText(""),
      e.get("payload").asText(),
      e.get("metaData").asText(),
      previous
    };
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (String field : fields) {
      byte[] data = field.getBytes(StandardCharsets.UTF_8);
      digest.update((data.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(data);
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  void an_exported_history_can_be_checked_by_an_outsider() throws Exception {
    registerWithPartner("exp-1");

    String body =
        as("auditor")
            .get()
            .uri("/api/partnerships/exp-1/events")
            .accept(MediaType.parseMediaType("application/x-ndjson"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    List<JsonNode> events = lines(body);
    assertThat(events).hasSize(2);
    String previous = "0".repeat(64);
    for (JsonNode event : events) {
      assertThat(event.get("previousHash").asText()).isEqualTo(previous);
      assertThat(hash(event, previous)).isEqualTo(event.get("hash").asText());
      previous = event.get("hash").asText();
    }
    assertThat(read(events.get(1).get("payload").asText()).get("type").asText())
        .isEqualTo("PartnerJoined");
  }

  @Test
  void the_chain_verifies_and_an_unknown_partnership_is_404() {
    registerWithPartner("exp-2");

    as("funder")
        .get()
        .uri("/api/partnerships/exp-2/verify")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.intact")
        .isEqualTo(true)
        .jsonPath("$.eventsChecked")
        .isEqualTo(2);
    as("funder")
        .get()
        .uri("/api/partnerships/nobody/verify")
        .exchange()
        .expectStatus()
        .isNotFound();
    as("funder")
        .get()
        .uri("/api/partnerships/nobody/events")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void all_events_export_in_commit_order_from_a_commit() throws Exception {
    registerWithPartner("exp-3");

    List<JsonNode> all =
        lines(
            as("researcher")
                .get()
                .uri("/api/events")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    assertThat(all.size()).isGreaterThanOrEqualTo(3);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).get("commit").asLong())
          .isGreaterThan(all.get(i - 1).get("commit").asLong());
    }
    long last = all.get(all.size() - 1).get("commit").asLong();
    List<JsonNode> tail =
        lines(
            as("researcher")
                .get()
                .uri("/api/events?fromCommit=" + last)
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    assertThat(tail).hasSize(1);
    assertThat(tail.get(0).get("commit").asLong()).isEqualTo(last);
    as("anonymous").get().uri("/api/events").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void the_live_stream_resumes_after_the_last_event_id_and_filters_by_partnership()
      throws Exception {
    registerWithPartner("exp-4");
    registerWithPartner("exp-5");
    List<JsonNode> exp4 =
        lines(
            as("auditor")
                .get()
                .uri("/api/partnerships/exp-4/events")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    long firstCommit = exp4.get(0).get("commit").asLong();

    Flux<ServerSentEvent<JsonNode>> stream =
        as("auditor")
            .get()
            .uri("/api/events/stream?partnershipId=exp-4")
            .header("Last-Event-ID", Long.toString(firstCommit))
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
            .getResponseBody();

    StepVerifier.create(stream.filter(e -> e.data() != null))
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("PartnerJoined");
              assertThat(e.id()).isEqualTo(exp4.get(1).get("commit").asText());
              assertThat(e.data().get("aggregateIdentifier").asText()).isEqualTo("exp-4");
              assertThat(e.data().get("event").get("organisationId").asText())
                  .isEqualTo("exp-4-org");
            })
        .then(() -> record("/api/partnerships/exp-4/name", rename()))
        .assertNext(e -> assertThat(e.event()).isEqualTo("PartnershipRenamed"))
        .thenCancel()
        .verify(Duration.ofSeconds(20));
  }

  static String rename() {
    return "{\"factId\":\"renamed\",\"occurredOn\":\"2004\",\"name\":\"STBK Techniek\","
        + CommandApiIT.SOURCE
        + "}";
  }
}
