package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import java.time.Duration;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another site's page cannot make a browser that holds a registrar's credentials record, import or
 * rebuild anything: writes take only their own content types, and requests that change something
 * are refused from origins other than the registry's own and those allowed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=never",
      "registry.web.allowed-origins=https://dashboard.example.org"
    })
class CrossOriginIT {

  static final String EVIL = "http://evil.example";
  static final String IMPORT_LINE =
      "{\"type\":\"RegisterOrganisation\","
          + CommandApiIT.organisation("cross-site-org").substring(1)
          + "\n";

  @Autowired MongoEventStorageEngine engine;
  @LocalServerPort int port;
  WebTestClient anonymous;

  /** Over HTTP, as a browser sends them, so that the registry sees where a request was sent. */
  @BeforeEach
  void connect() {
    anonymous =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(60))
            .build();
  }

  WebTestClient registrar() {
    return anonymous.mutate().filter(basicAuthentication("registrar", "registrar")).build();
  }

  @Test
  void an_import_as_plain_text_is_refused_naming_json_lines() {
    long head = engine.head();
    registrar()
        .post()
        .uri("/api/import")
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue(IMPORT_LINE)
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat(detail.toString()).contains("application/x-ndjson"))
        .jsonPath("$.accepted[0]")
        .isEqualTo("application/x-ndjson");
    assertThat(engine.head()).isEqualTo(head);
  }

  @Test
  void a_rebuild_from_a_form_is_refused_and_one_without_a_body_goes_ahead() {
    registrar()
        .post()
        .uri("/api/projections/rebuild")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("a=b")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat(detail.toString()).contains("application/json"));
    registrar().post().uri("/api/projections/rebuild").exchange().expectStatus().isAccepted();
  }

  @Test
  void a_command_as_plain_text_is_refused_naming_json() {
    registrar()
        .post()
        .uri("/api/organisations")
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue(CommandApiIT.organisation("plain-text-org"))
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectBody()
        .jsonPath("$.accepted[0]")
        .isEqualTo("application/json");
  }

  @Test
  void writes_from_another_site_are_refused_and_store_nothing() {
    long head = engine.head();
    registrar()
        .post()
        .uri("/api/import")
        .header(HttpHeaders.ORIGIN, EVIL)
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .bodyValue(IMPORT_LINE)
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Cross-origin request refused");
    registrar()
        .post()
        .uri("/api/projections/rebuild")
        .header(HttpHeaders.ORIGIN, EVIL)
        .exchange()
        .expectStatus()
        .isForbidden();
    registrar()
        .post()
        .uri("/api/organisations")
        .header(HttpHeaders.ORIGIN, EVIL)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(CommandApiIT.organisation("evil-org"))
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(engine.head()).isEqualTo(head);
  }

  @Test
  void another_sites_preflight_is_refused_and_an_allowed_ones_answered() {
    anonymous
        .options()
        .uri("/api/import")
        .header(HttpHeaders.ORIGIN, EVIL)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    anonymous
        .options()
        .uri("/api/import")
        .header(HttpHeaders.ORIGIN, "https://dashboard.example.org")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://dashboard.example.org");
  }

  @Test
  void the_registrys_own_pages_and_allowed_origins_write() {
    for (String origin :
        new String[] {"http://localhost:" + port, "https://dashboard.example.org"}) {
      registrar()
          .method(HttpMethod.POST)
          .uri("/api/projections/rebuild")
          .header(HttpHeaders.ORIGIN, origin)
          .exchange()
          .expectStatus()
          .isAccepted();
    }
  }

  @Test
  void a_read_from_another_site_gets_no_permission_to_show_its_answer() {
    registrar()
        .get()
        .uri("/api/projections/position")
        .header(HttpHeaders.ORIGIN, EVIL)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
  }
}
