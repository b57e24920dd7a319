package nl.partnershipregistry.api.pages;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every journey through the pages shares: the registry on a random port with the demo data
 * loaded, one headless Chromium for the class (the class is skipped where chromedriver is not
 * installed, unless some of its tests need no browser), a new visitor before each test, signing in
 * through the form, and recording a fact through the JSON API as a registrar does, waiting until
 * the read models hold it. The subclasses say which registry they run against
 * ({@code @SpringBootTest}) and keep one instance for their tests ({@code PER_CLASS}).
 */
abstract class BrowserJourney {

  @LocalServerPort int port;
  @Autowired WebTestClient anonymous;
  @Autowired MongoEventStorageEngine engine;
  Browser browser;

  /** Whether every test of the class needs the browser; if so, they are skipped without one. */
  boolean everyTestNeedsTheBrowser() {
    return true;
  }

  @BeforeAll
  void start_the_browser() throws IOException {
    boolean installed = Browser.CHROMEDRIVER.canExecute() && Browser.CHROMIUM.canExecute();
    if (everyTestNeedsTheBrowser()) {
      assumeTrue(installed, NEEDS_THE_BROWSER);
    }
    DemoData.awaitReadModels(anonymous, engine);
    if (installed) {
      browser = new Browser(port);
    }
  }

  @AfterAll
  void close_the_browser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void a_new_visitor() {
    if (browser != null) {
      browser.forget();
    }
  }

  static final String NEEDS_THE_BROWSER =
      "needs chromium and chromium-driver (apt-get install -y chromium chromium-driver)";

  /** For a test that needs the browser in a class where not all do. */
  void needsTheBrowser() {
    assumeTrue(browser != null, NEEDS_THE_BROWSER);
  }

  void signIn(String user) {
    signIn(user, user);
  }

  void signIn(String user, String password) {
    browser.open("/sign-in").fillIn("User name", user).fillIn("Password", password);
    browser.press("Sign in");
  }

  /**
   * Records a fact through the JSON API as the registrar, and waits until the read models hold it
   * (a question asked with the receipt's commit); the receipt.
   */
  JsonNode record(String path, String body) {
    JsonNode receipt =
        DemoData.api(anonymous, "registrar")
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .is2xxSuccessful()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    long commit = receipt.get("commits").get(0).asLong();
    DemoData.api(anonymous, "auditor")
        .get()
        .uri("/api/partnerships?size=1&afterCommit=" + commit)
        .exchange()
        .expectStatus()
        .isOk();
    return receipt;
  }

  /** Waits until the clock has passed {@code moment}, to record something after it. */
  static void waitUntilAfter(Instant moment) {
    while (!Instant.now().isAfter(moment)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
