package nl.partnershipregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Guessing passwords is slowed down; asking without credentials is not a guess. */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=never",
      "registry.security.sign-in-throttle.failures=10",
      "registry.security.sign-in-throttle.first-block=2s"
    })
class SignInThrottleIT {

  @Autowired WebTestClient anonymous;

  int status(String user, String password) {
    return anonymous
        .mutate()
        .filter(basicAuthentication(user, password))
        .build()
        .get()
        .uri("/api/projections/position")
        .exchange()
        .returnResult(String.class)
        .getStatus()
        .value();
  }

  @Test
  void repeated_wrong_passwords_are_answered_429_for_a_short_while() throws Exception {
    for (int i = 0; i < 30; i++) {
      anonymous.get().uri("/api/projections/position").exchange().expectStatus().isUnauthorized();
    }
    assertThat(status("funder", "funder")).as("anonymous requests are not failures").isEqualTo(200);

    for (int i = 0; i < 10; i++) {
      assertThat(status("funder", "guess-" + i)).as("guess " + i).isEqualTo(401);
    }
    anonymous
        .mutate()
        .filter(basicAuthentication("funder", "funder"))
        .build()
        .get()
        .uri("/api/projections/position")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER, retry -> assertThat(Integer.parseInt(retry)).isBetween(1, 2))
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Too many failed sign-ins")
        .jsonPath("$.detail")
        .value(detail -> assertThat(detail.toString()).contains("try again in"));
    assertThat(status("auditor", "auditor")).as("the same address, another user").isEqualTo(429);

    Thread.sleep(2_500);
    assertThat(status("funder", "funder")).as("after the block").isEqualTo(200);
  }
}
