package nl.partnershipregistry.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.partnershipregistry.core.organisation.Organisation;
import nl.partnershipregistry.core.partnership.FactCommandRouting;
import nl.partnershipregistry.core.partnership.Partnership;
import nl.partnershipregistry.eventstore.serialization.RegistryJackson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo dataset ({@code demo/partnerships.jsonl}) is accepted by the domain: every line, read as
 * its command and sent in file order to the partnership and organisation aggregates, is applied
 * without a refusal.
 */
class DemoDatasetDomainTest {

  private static final String DATASET = "/demo/partnerships.jsonl";
  private static final String RECORDED_AT = "2026-11-24T00:00:00Z";
  private static final List<String> COMMAND_PACKAGES =
      List.of(
          "nl.partnershipregistry.core.partnership.command.",
          "nl.partnershipregistry.core.organisation.");

  private final ObjectMapper mapper =
      RegistryJackson.eventMapper().registerModule(new Jdk8Module());
  private Configuration axon;
  private CommandGateway gateway;

  @BeforeEach
  void startAxon() {
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> serializer)
            .configureEventSerializer(c -> serializer)
            .configureMessageSerializer(c -> serializer)
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Partnership.class)
            .configureAggregate(Organisation.class)
            .buildConfiguration();
    axon.commandBus().registerDispatchInterceptor(new FactCommandRouting());
    axon.start();
    gateway = axon.commandGateway();
  }

  @AfterEach
  void stopAxon() {
    axon.shutdown();
  }

  @Test
  void every_line_is_accepted_by_the_domain() throws IOException {
    List<String> refused = new ArrayList<>();
    Set<String> partnerships = new HashSet<>();
    Set<String> organisations = new HashSet<>();
    int commands = 0;
    int number = 0;
    for (String line : lines()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      commands++;
      try {
        ObjectNode json = (ObjectNode) mapper.readTree(line);
        Class<?> type = commandClass(json.path("type").asText());
        json.putObject("recorded").put("at", RECORDED_AT).put("by", "demo");
        Object command = mapper.treeToValue(json, type);
        gateway.sendAndWait(command);
        collectIdentifier(json, "partnershipId", partnerships);
        if (type.getSimpleName().equals("RegisterOrganisation")) {
          collectIdentifier(json, "organisationId", organisations);
        }
      } catch (Exception e) {
        refused.add("line " + number + ": " + describe(e));
      }
    }
    System.out.printf(
        "Demo dataset: %d commands, %d organisations, %d partnerships, %d refused%n",
        commands, organisations.size(), partnerships.size(), refused.size());
    refused.forEach(System.out::println);
    assertThat(refused).as("refused lines of " + DATASET).isEmpty();
    assertThat(partnerships).isNotEmpty();
  }

  private static void collectIdentifier(JsonNode json, String field, Set<String> into) {
    JsonNode value = json.get(field);
    if (value != null && value.isTextual()) {
      into.add(value.asText());
    }
  }

  private static Class<?> commandClass(String type) {
    if (type.isBlank() || !type.matches("[A-Z][A-Za-z]+")) {
      throw new IllegalArgumentException("no command type: '" + type + "'");
    }
    for (String candidate : COMMAND_PACKAGES) {
      try {
        return Class.forName(candidate + type);
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    throw new IllegalArgumentException("unknown command type: " + type);
  }

  /** The registry's own refusal in the chain (a domain rule or an invalid value), else the root. */
  private static String describe(Throwable e) {
    Throwable cause = e;
    Throwable root = e;
    while (cause != null) {
      if (cause.getClass().getName().startsWith("nl.partnershipregistry.")) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
      }
      root = cause;
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = DemoDatasetDomainTest.class.getResourceAsStream(DATASET)) {
      assertThat(in).as(DATASET + " on the classpath").isNotNull();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().toList();
      }
    }
  }
}
