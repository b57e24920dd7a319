package nl.partnershipregistry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The registry started on a file-mode data folder in this process, and asked over HTTP as a user
 * would: for tests of what a start, an import or a rebuild looks like from outside. The start runs
 * on a thread of its own, so that the web port can be asked while start-up imports still run.
 */
final class StartedRegistry implements AutoCloseable {

  /** One answer: status, {@code Retry-After} if any, and the body read as JSON (null if none). */
  record Answer(int status, Optional<String> retryAfter, JsonNode body) {}

  /** The lines of the demo dataset that the first start imports. */
  static final String DEMO_DATASET = "demo/partnerships.jsonl";

  /** The demo dataset's partnerships (docs/demo-data.md). */
  static final int DEMO_PARTNERSHIPS = 27;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final CompletableFuture<ConfigurableApplicationContext> started;

  private StartedRegistry(Path dataDir, String... more) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.port=0");
    arguments.add("--registry.embedded.mode=file");
    arguments.add("--registry.embedded.data-dir=" + dataDir);
    arguments.addAll(List.of(more));
    ApplicationListener<WebServerInitializedEvent> portListener =
        event -> port.complete(event.getWebServer().getPort());
    started =
        CompletableFuture.supplyAsync(
            () ->
                new SpringApplicationBuilder(RegistryApplication.class)
                    .listeners(portListener)
                    .run(arguments.toArray(String[]::new)));
    started.whenComplete(
        (context, failure) -> {
          if (failure != null) {
            port.completeExceptionally(failure);
          }
        });
  }

  /** Begins to start the registry; returns once its web port is open. */
  static StartedRegistry starting(Path dataDir, String... arguments) throws Exception {
    StartedRegistry registry = new StartedRegistry(dataDir, arguments);
    registry.port.get(120, TimeUnit.SECONDS);
    return registry;
  }

  /** Starts the registry and returns once its start is complete (start-up imports included). */
  static StartedRegistry started(Path dataDir, String... arguments) throws Exception {
    StartedRegistry registry = starting(dataDir, arguments);
    registry.context();
    return registry;
  }

  /** Whether the start is complete, start-up imports included. */
  boolean isStarted() {
    return started.isDone();
  }

  ConfigurableApplicationContext context() throws Exception {
    return started.get(180, TimeUnit.SECONDS);
  }

  Answer get(String user, String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return answer(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  Answer post(String user, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", basic(user))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return answer(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** Whether {@code /actuator/health/readiness} says {@code UP}. */
  boolean isReady() throws Exception {
    return get(null, "/actuator/health/readiness").status() == 200;
  }

  /** Waits until readiness says {@code UP}. */
  void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!isReady()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not ready after 120 s: " + get(null, "/actuator/health"));
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws Exception {
    context().close();
  }

  static List<String> demoLines() throws IOException {
    try (InputStream in = new ClassPathResource(DEMO_DATASET).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .toList();
    }
  }

  private static Answer answer(HttpResponse<String> response) throws Exception {
    String body = response.body();
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Retry-After"),
        body == null || body.isBlank() ? null : JSON.readTree(body));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
