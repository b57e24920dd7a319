package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.partnershipregistry.api.command.CommandCatalogue;
import nl.partnershipregistry.api.importing.StartupImport;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Several hundred malformed and hostile requests: wrong types, huge strings, bad dates, injection
 * strings, unknown fields, truncated JSON and JSON Lines, corrections whose replacement is wrong in
 * each of these ways, hostile query parameters. None may get a 5xx, none may see a stack trace, and
 * none may store an event.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=never"})
class FuzzIT {

  static final String[] HOSTILE_TEXT = {
    "'; DROP TABLE commits; --",
    "{\"$gt\": \"\"}",
    "$where",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "${jndi:ldap://127.0.0.1/x}",
    "%00",
    "\u0000nul",
    "\u202Eevil",
    "x".repeat(5_000),
    "🙂".repeat(300),
    " ",
    ""
  };

  /** What no answer may show: a stack trace, a Java or Jackson name, a parser's own words. */
  static final List<String> INTERNALS =
      List.of(
          "\tat ",
          ".java:",
          "Exception",
          "java.",
          "com.fasterxml",
          "Jackson",
          "ArrayList",
          "StreamReadConstraints",
          "neither a decimal digit",
          "`");

  /** A sample of each command's mutations, so that the whole run stays within seconds. */
  static final int MUTATIONS_PER_COMMAND = 14;

  static final String[] BAD_DATES = {
    "2008-13", "2008-02-30", "0000", "99999", "yesterday", "2008/01/01", "1799", "2999-01-01", "-1"
  };

  @Autowired WebTestClient anonymous;
  @Autowired MongoEventStorageEngine engine;
  final ObjectMapper json = new ObjectMapper();
  final Random random = new Random(20261123);
  final List<String> failures = new ArrayList<>();
  int requests;

  @Test
  void hostile_requests_get_a_client_error_without_internals_and_store_nothing() throws Exception {
    long head = engine.head();
    long started = System.nanoTime();
    WebTestClient registrar =
        anonymous
            .mutate()
            .responseTimeout(Duration.ofSeconds(30))
            .filter(basicAuthentication("registrar", "registrar"))
            .build();

    Map<CommandCatalogue, ObjectNode> examples = examples();
    for (CommandCatalogue command : CommandCatalogue.values()) {
      ObjectNode base = examples.getOrDefault(command, genericBody(command));
      String path =
          command.registers()
              ? command.target().collection()
              : command.target().collection() + "/fuzz-nobody/" + command.segment();
      List<String> bodies = mutations(command, base);
      java.util.Collections.shuffle(bodies, random);
      for (String body : bodies.subList(0, Math.min(MUTATIONS_PER_COMMAND, bodies.size()))) {
        check(
            "POST " + path + " " + abbreviate(body),
            registrar
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult());
      }
    }
    // A correction whose replacement is wrong in each way a command body can be wrong: the
    // replacement is checked by the command that records its fact, never a 5xx.
    ObjectNode replacement =
        (ObjectNode)
            json.readTree(
                "{\"type\":\"PartnershipRegistered\",\"factId\":\"fuzz-registered\","
                    + "\"occurredOn\":\"2002\",\"name\":\"STBK\",\"kind\":\"DUAL_TRAJECTORY\","
                    + "\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 1\"}}");
    for (String wrong : mutations(CommandCatalogue.of(CorrectFact.class), replacement)) {
      String body =
          "{\"factId\":\"fuzz-correction\",\"correctedFactId\":\"fuzz-registered\","
              + "\"reason\":\"The founding year\",\"replacement\":"
              + wrong
              + ",\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 2\"}}";
      check(
          "POST correction " + abbreviate(body),
          registrar
              .post()
              .uri("/api/partnerships/fuzz-nobody/corrections")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(body)
              .exchange()
              .expectBody(String.class)
              .returnResult());
    }
    System.out.printf(
        "fuzz: %d command requests in %d ms%n",
        requests, (System.nanoTime() - started) / 1_000_000);
    for (String uri : hostileQueries()) {
      check(
          "GET " + uri,
          registrar.get().uri(uri).exchange().expectBody(String.class).returnResult());
    }
    System.out.printf(
        "fuzz: %d requests with queries in %d ms%n",
        requests, (System.nanoTime() - started) / 1_000_000);
    for (String file : hostileImports(examples)) {
      check(
          "import " + abbreviate(file),
          registrar
              .post()
              .uri("/api/import")
              .contentType(MediaType.parseMediaType("application/x-ndjson"))
              .bodyValue(file)
              .exchange()
              .expectBody(String.class)
              .returnResult());
    }
    check(
        "invalid UTF-8",
        registrar
            .post()
            .uri("/api/partnerships")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})
            .exchange()
            .expectBody(String.class)
            .returnResult());
    check(
        "XML",
        registrar
            .post()
            .uri("/api/partnerships")
            .contentType(MediaType.APPLICATION_XML)
            .bodyValue("<partnership/>")
            .exchange()
            .expectBody(String.class)
            .returnResult());

    assertThat(requests).isGreaterThan(400);
    assertThat(failures).isEmpty();
    assertThat(engine.head()).isEqualTo(head);
  }

  private void check(String what, EntityExchangeResult<String> result) {
    requests++;
    int status = result.getStatus().value();
    String body = result.getResponseBody() == null ? "" : result.getResponseBody();
    if (status >= 500) {
      failures.add(status + " for " + what + ": " + abbreviate(body));
    } else if (status < 400 && what.startsWith("POST")) {
      failures.add(status + " (accepted) for " + what);
    }
    if (INTERNALS.stream().anyMatch(body::contains)) {
      failures.add("internals in the answer to " + what + ": " + abbreviate(body));
    }
  }

  /**
   * Bodies each of which is wrong: the registration ones in themselves, the others at least too.
   */
  private List<String> mutations(CommandCatalogue command, ObjectNode base) {
    List<String> bodies = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    base.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode original = base.get(field);
      for (JsonNode wrong : wrongTypes(original)) {
        bodies.add(with(base, field, wrong));
      }
      if (field.endsWith("Id")
          || field.equals("occurredOn")
          || original.isTextual() && isEnum(original)) {
        String hostile = HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
        bodies.add(with(base, field, JsonNodeFactory.instance.textNode(hostile)));
      }
      if (field.equals("occurredOn")) {
        for (String date : BAD_DATES) {
          bodies.add(with(base, field, JsonNodeFactory.instance.textNode(date)));
        }
      }
      if (original.isTextual() && !field.endsWith("Id") && !isEnum(original)) {
        bodies.add(with(base, field, JsonNodeFactory.instance.textNode("y".repeat(5_001))));
        bodies.add(with(base, field, JsonNodeFactory.instance.textNode("bell\u0007")));
      }
      ObjectNode without = base.deepCopy();
      without.remove(field);
      if (command.registers()) {
        bodies.add(with(without, "occurredOn", JsonNodeFactory.instance.textNode("never")));
      } else {
        bodies.add(without.toString());
      }
    }
    String text = base.toString();
    bodies.add(with(base, "unexpectedField", JsonNodeFactory.instance.textNode("x")));
    bodies.add(with(base, "recorded", json.createObjectNode().put("by", "mallory")));
    bodies.add(text.substring(0, text.length() / 2));
    bodies.add(text.substring(0, text.length() - 1));
    bodies.add("[" + text + "]");
    bodies.add(text + text);
    bodies.add("null");
    bodies.add("\"" + text.replace("\"", "'") + "\"");
    bodies.add("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
    bodies.add(with(base, "source", JsonNodeFactory.instance.textNode("a source")));
    return bodies;
  }

  private String with(ObjectNode base, String field, JsonNode value) {
    ObjectNode copy = base.deepCopy();
    copy.set(field, value);
    if (!copy.has("occurredOn") || !field.equals("occurredOn")) {
      // Registrations must fail in themselves: a hostile value in a free-text field may be valid,
      // so a registration is also given an impossible date unless its date is the field under test.
      if (copy.has("partnershipId") && copy.has("kind") || copy.has("organisationType")) {
        if (!field.equals("occurredOn") && !isAlwaysInvalid(field, value)) {
          copy.put("occurredOn", "2999-13");
        }
      }
    }
    return copy.toString();
  }

  private static boolean isAlwaysInvalid(String field, JsonNode value) {
    return field.endsWith("Id") || field.equals("unexpectedField") || field.equals("recorded");
  }

  private static boolean isEnum(JsonNode value) {
    return value.asText().matches("[A-Z][A-Z_]+");
  }

  private List<JsonNode> wrongTypes(JsonNode original) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> wrong = new ArrayList<>();
    if (!original.isNumber()) {
      wrong.add(f.numberNode(random.nextInt(1000) - 500));
    }
    if (!original.isBoolean()) {
      wrong.add(f.booleanNode(true));
    }
    if (!original.isArray()) {
      wrong.add(f.arrayNode().add("x"));
    }
    if (!original.isObject()) {
      wrong.add(f.objectNode().put("$ne", 1));
    }
    if (original.isNumber()) {
      wrong.add(f.numberNode(-1));
      wrong.add(f.textNode("NaN"));
      wrong.add(f.numberNode(new java.math.BigDecimal("1e400")));
    }
    return wrong;
  }

  private List<String> hostileQueries() {
    List<String> uris = new ArrayList<>();
    String[] bases = {
      "/api/partnerships",
      "/api/partnerships/fuzz-nobody",
      "/api/partnerships/fuzz-nobody/timeline",
      "/api/partnerships/fuzz-nobody/durability",
      "/api/partnerships/fuzz-nobody/funding",
      "/api/partnerships/fuzz-nobody/commitments",
      "/api/partnerships/fuzz-nobody/cohorts",
      "/api/partnerships/fuzz-nobody/events",
      "/api/partnerships/fuzz-nobody/verify",
      "/api/organisations/fuzz-nobody/track-record",
      "/api/organisations",
      "/api/organisations/fuzz-nobody"
    };
    String[] parameters = {
      "asOf=2008-13-01",
      "asOf=%27%20OR%201=1",
      "asKnownOn=tomorrow",
      "asKnownOn=2026-11-23T25:00:00Z",
      "afterCommit=-5",
      "afterCommit=abc",
      "page=-1",
      "size=100000000",
      "kind=%3Cscript%3E",
      "phase=%24gt",
      "partner=..%2F..%2Fetc",
      "type=%3Cscript%3E",
      "group=..%2F..%2Fetc",
      "text=" + "z".repeat(3_000),
      "fromCommit=-1"
    };
    for (String base : bases) {
      for (String parameter : parameters) {
        uris.add(base + "?" + parameter);
      }
    }
    uris.add("/api/partnerships/" + "a".repeat(500));
    uris.add("/api/partnerships/%24where");
    uris.add("/api/events?fromCommit=-3");
    return uris;
  }

  private List<String> hostileImports(Map<CommandCatalogue, ObjectNode> examples) {
    List<String> files = new ArrayList<>();
    for (Map.Entry<CommandCatalogue, ObjectNode> example : examples.entrySet()) {
      ObjectNode line = example.getValue().deepCopy();
      line.put("type", example.getKey().commandName());
      line.put(example.getKey().target().identifierField(), "fuzz-nobody");
      if (example.getKey().registers()) {
        line.put("occurredOn", "2999-13");
      }
      String text = line.toString();
      files.add(text.substring(0, text.length() / 3) + "\n" + text.substring(0, text.length() - 2));
      files.add(text.replace("\"type\":\"", "\"type\":\"X"));
      files.add(text);
    }
    files.add("\n\n\n");
    files.add("{\"type\":null}\n{\"type\":42}\n[]\n\"line\"");
    return files;
  }

  private Map<CommandCatalogue, ObjectNode> examples() throws Exception {
    Map<CommandCatalogue, ObjectNode> examples = new LinkedHashMap<>();
    String dataset =
        new ClassPathResource(StartupImport.DEMO_DATASET)
            .getContentAsString(StandardCharsets.UTF_8);
    for (String line : dataset.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode node = (ObjectNode) json.readTree(line);
      CommandCatalogue.named(node.remove("type").asText())
          .ifPresent(
              command -> {
                if (!command.registers()) {
                  node.remove(command.target().identifierField());
                }
                examples.putIfAbsent(command, node);
              });
    }
    return examples;
  }

  private ObjectNode genericBody(CommandCatalogue command) {
    ObjectNode body = json.createObjectNode();
    body.put("factId", "fuzz-fact");
    body.put("occurredOn", "2010");
    for (var component : command.commandClass().getRecordComponents()) {
      String name = component.getName();
      if (name.equals("recorded")
          || body.has(name)
          || name.equals(command.target().identifierField())) {
        continue;
      }
      Class<?> type = component.getType();
      if (type == int.class) {
        body.put(name, 3);
      } else if (type == boolean.class || type == Boolean.class) {
        body.put(name, false);
      } else if (type.isEnum()) {
        body.put(name, type.getEnumConstants()[0].toString());
      } else if (name.equals("source")) {
        body.set(name, json.createObjectNode().put("document", "d").put("passage", "p"));
      } else {
        body.put(name, "fuzz-value");
      }
    }
    return body;
  }

  private static String abbreviate(String text) {
    String single = text.replace('\n', ' ');
    return single.length() <= 160 ? single : single.substring(0, 157) + "...";
  }
}
