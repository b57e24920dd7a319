package nl.partnershipregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * One simulated user's HTTP/1.1 client of the registry (the JDK's, so that its connection is kept
 * alive and reused between requests), with the demo users' HTTP Basic sign-in (password = name).
 * Every request gives up after {@link #TIMEOUT}.
 */
final class RegistryHttp {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI base;

  RegistryHttp(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A GET as {@code user}, or without credentials when {@code user} is null. */
  HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    return send(request(path, user).GET().build());
  }

  /** A POST of a JSON body as {@code user}. */
  HttpResponse<String> post(String path, String user, String json)
      throws IOException, InterruptedException {
    return post(path, user, json, "application/json");
  }

  HttpResponse<String> post(String path, String user, String body, String contentType)
      throws IOException, InterruptedException {
    return send(
        request(path, user)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  /** The JSON answer of a GET as {@code user}; fails on any status but 200. */
  JsonNode json(String path, String user) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path, user);
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return request;
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpClient client() {
    return client;
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  /** The highest commit number in a command's answer ({@code "commits":[186]}), or -1. */
  static long lastCommit(String answer) throws IOException {
    long last = -1;
    for (JsonNode commit : JSON.readTree(answer).path("commits")) {
      last = Math.max(last, commit.asLong());
    }
    return last;
  }

  /** A JSON string literal. */
  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String format(String pattern, Object... arguments) {
    return String.format(Locale.ROOT, pattern, arguments);
  }
}
