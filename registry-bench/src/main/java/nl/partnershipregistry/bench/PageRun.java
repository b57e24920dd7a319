package nl.partnershipregistry.bench;

import static nl.partnershipregistry.bench.RegistryHttp.format;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.partnershipregistry.api.config.RegistryProperties.Mode;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pages as a browser meets them, on a registry of generated partnerships ({@link
 * GeneratedRegistry}) in the executable jar run as a child process (file backend):
 *
 * <ol>
 *   <li>the data set is stored through the engine of the application run in this process on the
 *       same data folder, whose read models take it in; then the child starts on that folder;
 *   <li>a reader signs in through the form, as a browser does (the session cookie, the CSRF token
 *       of the form);
 *   <li>the server time of each page ({@link #PAGES}: the registry, a partnership today, on a
 *       random day, on a random day as known on another): {@code requests} requests each, one at a
 *       time, each to a random partnership, after a tenth as many unmeasured; p50, p95, p99 and max
 *       against the target p95 &lt; {@value #TARGET_P95_MS} ms;
 *   <li>the weight of each page: its HTML and every stylesheet, script and image it references (and
 *       what the stylesheets reference with {@code url(...)}), against the target &lt; {@value
 *       #TARGET_WEIGHT_KB} KB.
 * </ol>
 *
 * A page in {@link #PAGES} that does not answer 200 at run time (not built yet) is reported as such
 * and left out. Usage: {@code ./bench pages [partnerships] [events] [requests]} (default 2000,
 * 200000, 2000).
 */
final class PageRun {

  static final int PARTNERSHIPS = 2_000;
  static final int EVENTS = 200_000;
  static final int REQUESTS = 2_000;

  static final int TARGET_P95_MS = 200;
  static final int TARGET_WEIGHT_KB = 600;

  private static final String READER = "researcher";

  /**
   * A page to measure: what it is, and its address for a partnership id and a random source (a
   * partnership's pages ask about a random partnership at each request). {@code weighed}: its
   * weight is measured too (once, for the first partnership); the variants of one page with other
   * dates weigh the same.
   */
  private record Page(String name, boolean weighed, Function<Ask, String> path) {}

  /** What one request asks about: a random partnership and random days. */
  private record Ask(String partnershipId, Random random) {

    String day() {
      return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(25 * 365)).toString();
    }

    /** A moment after every registration was recorded (January 2013), before today. */
    String knownOn() {
      return Instant.parse("2013-02-01T00:00:00Z")
          .plus(Duration.ofDays(random.nextInt(13 * 365)))
          .toString();
    }
  }

  /**
   * The pages measured; a page not built yet answers 404 and is left out at run time, so new pages
   * are added here before they exist.
   */
  private static final List<Page> PAGES =
      List.of(
          new Page("`GET /registry`", true, a -> "/registry"),
          new Page("`GET /registry/{id}` (today, as known now)", true, a -> partnership(a, "")),
          new Page(
              "`GET /registry/{id}?asOf=` (a random day)",
              false,
              a -> partnership(a, "?asOf=" + a.day())),
          new Page(
              "`GET /registry/{id}?asOf=&asKnownOn=` (a random day, as known on another)",
              false,
              a -> partnership(a, "?asOf=" + a.day() + "&asKnownOn=" + a.knownOn())),
          new Page("`GET /registry/{id}/dossier`", true, a -> partnership(a, "/dossier")),
          new Page("`GET /registry/{id}/changes`", true, a -> partnership(a, "/changes")),
          new Page("`GET /organisations`", true, a -> "/organisations"),
          new Page("`GET /survival`", true, a -> "/survival"),
          new Page("`GET /audit`", true, a -> "/audit"));

  private static final Pattern REFERENCE =
      Pattern.compile("<(link|script|img)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_URL =
      Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)", Pattern.CASE_INSENSITIVE);

  private final int partnerships;
  private final int events;
  private final int requests;
  private final Path keptData;
  private final ReportTable report = new ReportTable();

  PageRun(int partnerships, int events, int requests, Path keptData) {
    if (partnerships < 1 || events < partnerships) {
      throw new IllegalArgumentException(
          "at least one partnership and one event per partnership, not "
              + partnerships
              + " and "
              + events);
    }
    this.partnerships = partnerships;
    this.events = events;
    this.requests = requests;
    this.keptData = keptData;
  }

  static PageRun of(String[] args) {
    return new PageRun(
        args.length > 1 ? Integer.parseInt(args[1]) : PARTNERSHIPS,
        args.length > 2 ? Integer.parseInt(args[2]) : EVENTS,
        args.length > 3 ? Integer.parseInt(args[3]) : REQUESTS,
        args.length > 4 ? Path.of(args[4]).toAbsolutePath() : null);
  }

  void run() throws Exception {
    Path dataDir =
        keptData != null ? keptData : Files.createTempDirectory("registry-pages").resolve("data");
    if (keptData != null && Files.isDirectory(keptData)) {
      row("data set", "the data folder of an earlier run, kept", keptData.toString());
    } else {
      load(dataDir);
    }
    try (RegistryProcess app =
        new RegistryProcess(dataDir, List.of("--registry.import.demo=never"), keptData != null)) {
      app.start();
      long up = Readiness.awaitUp(app, Duration.ofMinutes(10));
      row(
          "start",
          "registry ready (readiness UP) on the data set after",
          format("%.1f s", (up - app.startedAt()) / 1e9));
      Session session = Session.signIn(app.base(), READER);
      row("start", "signed in through the form", "as " + READER + " (session cookie, CSRF token)");

      List<Page> answering = new ArrayList<>();
      for (Page page : PAGES) {
        int status = session.get(page.path().apply(new Ask("p0", new Random(1)))).statusCode();
        if (status == 200) {
          answering.add(page);
        } else {
          row("pages", page.name(), format("answered %d: not measured", status));
        }
      }
      Random random = new Random(42);
      for (Page page : answering) {
        latencies(session, page, random);
      }
      for (Page page : answering) {
        if (page.weighed()) {
          weight(session, page);
        }
      }
      print(app);
    }
  }

  /** The data set, stored through the engine of the application run here on the data folder. */
  private void load(Path dataDir) throws Exception {
    int perPartnership = events / partnerships;
    long start = System.nanoTime();
    long stored;
    try (ConfigurableApplicationContext app =
        ReadModelBenchmark.applicationInBatches(Mode.FILE, dataDir)) {
      MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
      stored = ReadModelBenchmark.store(engine, partnerships, perPartnership);
      double storing = RegistryBenchmark.seconds(start);
      ReadModelBenchmark.awaitCaughtUp(
          RegistryBenchmark.views(app), ReadModelBenchmark.headPosition(engine));
      row(
          "data set",
          format(
              "%,d generated partnerships of %,d events (and %,d organisations), file backend",
              partnerships,
              perPartnership,
              GeneratedRegistry.SCHOOLS + GeneratedRegistry.EMPLOYERS),
          format(
              "%,d events stored in %.0f s, read models filled after %.0f s",
              stored, storing, RegistryBenchmark.seconds(start)));
    }
  }

  // Server time

  private void latencies(Session session, Page page, Random random) throws Exception {
    int warmUp = Math.max(20, requests / 10);
    Latencies latencies = new Latencies();
    Map<Integer, Integer> others = new LinkedHashMap<>();
    int timedOut = 0;
    for (int i = 0; i < warmUp + requests; i++) {
      String path = page.path().apply(new Ask("p" + random.nextInt(partnerships), random));
      long sent = System.nanoTime();
      HttpResponse<byte[]> answer;
      try {
        answer = session.get(path);
      } catch (HttpTimeoutException e) {
        timedOut++;
        continue;
      }
      long elapsed = System.nanoTime() - sent;
      if (answer.statusCode() != 200) {
        others.merge(answer.statusCode(), 1, Integer::sum);
      } else if (i >= warmUp) {
        latencies.add(elapsed);
      }
    }
    double p95 = latencies.percentile(95);
    row(
        "server time",
        page.name() + format(", %,d requests after %,d unmeasured, 1 client", requests, warmUp),
        format(
            "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s%s; target p95 < %d ms: %s",
            latencies.percentile(50),
            p95,
            latencies.percentile(99),
            latencies.percentile(100),
            others.isEmpty() ? "" : "; not 200: " + others,
            timedOut == 0
                ? ""
                : format("; %,d timed out after %d s", timedOut, RegistryHttp.TIMEOUT.toSeconds()),
            TARGET_P95_MS,
            p95 < TARGET_P95_MS && others.isEmpty() && timedOut == 0 ? "met" : "NOT met"));
  }

  // Page weight

  private void weight(Session session, Page page) throws Exception {
    URI address = session.base.resolve(page.path().apply(new Ask("p0", new Random(7))));
    HttpResponse<byte[]> html = session.get(address);
    long total = html.body().length;
    Set<URI> resources = new LinkedHashSet<>();
    for (String reference : references(new String(html.body(), StandardCharsets.UTF_8))) {
      resources.add(address.resolve(reference));
    }
    List<String> parts = new ArrayList<>();
    parts.add(format("HTML %,d", html.body().length));
    Set<URI> fetched = new LinkedHashSet<>();
    List<URI> queue = new ArrayList<>(resources);
    while (!queue.isEmpty()) {
      URI resource = queue.remove(0);
      if (!fetched.add(resource)) {
        continue;
      }
      HttpResponse<byte[]> answer = session.get(resource);
      total += answer.body().length;
      parts.add(
          format(
              "%s %,d%s",
              resource.getPath(),
              answer.body().length,
              answer.statusCode() == 200 ? "" : " (" + answer.statusCode() + ")"));
      if (resource.getPath().endsWith(".css")) {
        Matcher url = CSS_URL.matcher(new String(answer.body(), StandardCharsets.UTF_8));
        while (url.find()) {
          if (!url.group(1).startsWith("data:")) {
            queue.add(resource.resolve(url.group(1)));
          }
        }
      }
    }
    double kb = total / 1024.0;
    row(
        "page weight",
        page.name() + " (uncompressed bytes)",
        format(
            "%.1f KB: %s; target < %d KB: %s",
            kb,
            String.join(", ", parts),
            TARGET_WEIGHT_KB,
            kb < TARGET_WEIGHT_KB ? "met" : "NOT met"));
  }

  /** The addresses of the stylesheets, scripts, icons and images a page's HTML references. */
  static List<String> references(String html) {
    List<String> found = new ArrayList<>();
    Matcher tag = REFERENCE.matcher(html);
    while (tag.find()) {
      String element = tag.group(1).toLowerCase(java.util.Locale.ROOT);
      String attribute = element.equals("link") ? "href" : "src";
      Matcher value =
          Pattern.compile(
                  "\\s" + attribute + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE)
              .matcher(tag.group());
      if (value.find()) {
        String reference = value.group(2) != null ? value.group(2) : value.group(3);
        if (!reference.isBlank() && !reference.startsWith("data:")) {
          found.add(reference.replace("&amp;", "&"));
        }
      }
    }
    return found;
  }

  // A browser's session

  /** A browser signed in through the form: one kept-alive connection, the session cookie. */
  private static final class Session {
    private static final Pattern CSRF =
        Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient client;

    private Session(URI base) {
      this.base = base;
      this.client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    static Session signIn(URI base, String user) throws IOException, InterruptedException {
      Session session = new Session(base);
      HttpResponse<byte[]> form = session.get("/sign-in");
      Matcher token = CSRF.matcher(new String(form.body(), StandardCharsets.UTF_8));
      if (form.statusCode() != 200 || !token.find()) {
        throw new IOException(
            "the sign-in form answered " + form.statusCode() + " without a token");
      }
      String body =
          "username="
              + encode(user)
              + "&password="
              + encode(user)
              + "&_csrf="
              + encode(token.group(1));
      HttpResponse<byte[]> signedIn =
          session.client.send(
              HttpRequest.newBuilder(base.resolve("/sign-in"))
                  .timeout(RegistryHttp.TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      String location = signedIn.headers().firstValue("Location").orElse("");
      if (signedIn.statusCode() / 100 != 3 || !location.endsWith("/registry")) {
        throw new IOException(
            "signing in answered " + signedIn.statusCode() + " to '" + location + "'");
      }
      return session;
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
      return get(base.resolve(path));
    }

    HttpResponse<byte[]> get(URI address) throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(address)
              .timeout(RegistryHttp.TIMEOUT)
              .header("Accept", "text/html,*/*")
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }

  // Helpers

  private static String partnership(Ask ask, String rest) {
    return "/registry/" + ask.partnershipId() + rest;
  }

  private void row(String scenario, String measure, String figure) {
    report.row(scenario, measure, figure);
  }

  private void print(RegistryProcess app) {
    report.print(
        format(
            "`./bench pages %d %d %d`: the executable jar as a child process, file backend,"
                + " generated data set; log %s%n",
            partnerships, events, requests, app.log()));
  }
}
