package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.api.command.CommandCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every endpoint against every role: readers read, only a registrar writes, strangers neither. */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=never"})
class RolesIT {

  static final String[] READERS = {"auditor", "researcher", "funder", "registrar"};
  static final String[] READ_ONLY = {"auditor", "researcher", "funder"};
  static final String[] QUESTIONS = {
    "/api/partnerships",
    "/api/partnerships/nobody",
    "/api/partnerships/nobody/timeline",
    "/api/partnerships/nobody/funding",
    "/api/partnerships/nobody/commitments",
    "/api/partnerships/nobody/durability",
    "/api/partnerships/nobody/cohorts",
    "/api/partnerships/nobody/renewal-dossier?decisionDate=2020-01-01",
    "/api/partnerships/nobody/audit",
    "/api/partnerships/nobody/verify",
    "/api/partnerships/nobody/events",
    "/api/organisations",
    "/api/organisations/nobody",
    "/api/organisations/nobody/track-record",
    "/api/analytics/survival",
    "/api/analytics/panel",
    "/api/projections/position",
    "/api/events",
    "/actuator/metrics/registry.projections.lag"
  };
  static final String[] OPEN = {
    "/", "/api", "/v3/api-docs", "/actuator/health", "/actuator/health/readiness"
  };

  @Autowired WebTestClient anonymous;

  WebTestClient as(String user) {
    return anonymous.mutate().filter(basicAuthentication(user, user)).build();
  }

  static List<String> writes() {
    List<String> paths = new ArrayList<>();
    for (CommandCatalogue command : CommandCatalogue.values()) {
      paths.add(command.path().replaceAll("\\{[^}]+}", "nobody"));
    }
    paths.add("/api/import");
    paths.add("/api/projections/rebuild");
    return paths;
  }

  @Test
  void every_reader_may_ask_every_question_and_a_stranger_none() {
    for (String question : QUESTIONS) {
      for (String reader : READERS) {
        int status =
            as(reader)
                .get()
                .uri(question)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
        assertThat(status).as(reader + " GET " + question).isIn(200, 404);
      }
      anonymous.get().uri(question).exchange().expectStatus().isUnauthorized();
    }
  }

  @Test
  void the_index_the_api_description_and_health_are_open() {
    for (String open : OPEN) {
      anonymous.get().uri(open).exchange().expectStatus().isOk();
    }
  }

  @Test
  void only_a_registrar_writes() {
    for (String path : writes()) {
      for (String reader : READ_ONLY) {
        as(reader)
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isForbidden();
      }
      anonymous
          .post()
          .uri(path)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isUnauthorized();
      int status =
          as("registrar")
              .post()
              .uri(path)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{}")
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value();
      assertThat(status).as("registrar POST " + path).isNotIn(401, 403).isLessThan(500);
    }
    // The registrar's rebuild refuses questions until it is done; other tests share the context.
    awaitReadiness();
  }

  private void awaitReadiness() {
    for (int attempt = 0; attempt < 600; attempt++) {
      if (anonymous
          .get()
          .uri("/actuator/health/readiness")
          .exchange()
          .returnResult(String.class)
          .getStatus()
          .is2xxSuccessful()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Test
  void a_wrong_password_is_refused() {
    anonymous
        .mutate()
        .filter(basicAuthentication("auditor", "guess"))
        .build()
        .get()
        .uri("/api/partnerships")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void an_unknown_path_is_not_found_for_a_reader_and_asks_a_stranger_to_sign_in() {
    for (String reader : READERS) {
      for (String path : new String[] {"/nonexistent", "/api/nonexistent", "/admin/x.php"}) {
        as(reader)
            .get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .value(body -> assertThat(body).doesNotContain("registrar role"));
      }
    }
    anonymous
        .get()
        .uri("/nonexistent")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody(String.class)
        .value(body -> assertThat(body).doesNotContain("registrar role"));
  }

  @Test
  void health_shows_its_details_to_signed_in_users_only() {
    anonymous
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components")
        .doesNotExist()
        .jsonPath("$.details")
        .doesNotExist();
    anonymous.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    anonymous.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    as("auditor")
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.mongodb.status")
        .isEqualTo("UP");
  }

  @Test
  void build_details_are_for_signed_in_users() {
    anonymous.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
    as("funder").get().uri("/actuator/info").exchange().expectStatus().isOk();
  }
}
