package nl.partnershipregistry.api.pages;

import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import java.time.Duration;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The demo dataset, imported at start-up, once the read models have applied all of it. */
final class DemoData {

  private DemoData() {}

  /** Waits until the read models have applied the store's last commit; returns it. */
  static long awaitReadModels(WebTestClient anonymous, MongoEventStorageEngine engine) {
    long head = engine.head();
    api(anonymous, "researcher")
        .get()
        .uri("/api/partnerships?afterCommit=" + head)
        .exchange()
        .expectStatus()
        .isOk();
    return head;
  }

  static WebTestClient api(WebTestClient anonymous, String user) {
    return anonymous
        .mutate()
        .responseTimeout(Duration.ofSeconds(30))
        .filter(basicAuthentication(user, user))
        .build();
  }
}
