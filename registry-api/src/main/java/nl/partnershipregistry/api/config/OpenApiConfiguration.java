package nl.partnershipregistry.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.api.command.CommandCatalogue;
import nl.partnershipregistry.api.importing.StartupImport;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The API description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): one
 * operation per command of {@link CommandCatalogue}, with the command's fields as its body and an
 * example: the command's first line in the demo dataset, or for a command the demo dataset lacks,
 * its line in {@link #EXAMPLES} (written in the import's format, about the demo's partnerships);
 * the partnership or organisation it is about is the example of the path's identifier. And the
 * registry's value types as they are written in JSON.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  private static final String BASIC = "basic";

  /** The examples of the commands the demo dataset does not use, one import line per command. */
  public static final String EXAMPLES = "openapi-examples.jsonl";

  /** The registry's value types as they are written in JSON (see {@code RegistryJackson}). */
  private static final Map<Class<?>, Schema<?>> VALUE_SCHEMAS = valueSchemas();

  static {
    SpringDocUtils config = SpringDocUtils.getConfig();
    VALUE_SCHEMAS.forEach(config::replaceWithSchema);
  }

  private static Map<Class<?>, Schema<?>> valueSchemas() {
    Map<Class<?>, Schema<?>> schemas = new LinkedHashMap<>();
    for (Class<?> identifier :
        List.of(
            PartnershipId.class,
            OrganisationId.class,
            FactId.class,
            CommitmentId.class,
            FundingId.class,
            ActivityId.class,
            CohortId.class,
            KeyPersonId.class)) {
      schemas.put(
          identifier,
          new StringSchema()
              .pattern("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
              .description("an identifier: " + Require.IDENTIFIER_RULE));
    }
    schemas.put(
        FactDate.class,
        new StringSchema()
            .pattern(
                "^(\\d{4}(-\\d{2}(-\\d{2})?)?~?|\\[\\.\\.\\d{4}(-\\d{2}(-\\d{2})?)?\\]"
                    + "|\\[\\d{4}(-\\d{2}(-\\d{2})?)?\\.\\.(\\d{4}(-\\d{2}(-\\d{2})?)?)?\\])$")
            .example("2008-03")
            .description(
                "a date with the precision and certainty its source gives (Extended Date/Time"
                    + " Format): 2008, 2008-03 or 2008-03-15; circa 2009~; no later than"
                    + " [..2021-05]; no earlier than [2015..]; between [2005..2008]"));
    schemas.put(
        Money.class,
        new NumberSchema()
            .minimum(java.math.BigDecimal.ZERO)
            .description("euros, exact: " + Require.AMOUNT_RULE));
    schemas.put(
        PartnershipFact.class,
        new ObjectSchema()
            .description(
                "a fact as in the event catalogue, with its event name in \"type\" (for example"
                    + " CommitmentRecorded)"));
    return schemas;
  }

  @Bean
  OpenApiCustomizer registryOpenApi() {
    Map<CommandCatalogue, Example> examples = examples();
    return openApi -> {
      openApi.info(
          new Info()
              .title("Partnership registry")
              .description(
                  "The sourced history of public-private partnerships between Dutch education and"
                      + " employers, and whether each was durable. Sign in with HTTP Basic: a"
                      + " registrar records facts; auditors, researchers and funders read.")
              .version("v1"));
      Components components =
          openApi.getComponents() == null ? new Components() : openApi.getComponents();
      openApi.components(
          components.addSecuritySchemes(
              BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
      openApi.addSecurityItem(new SecurityRequirement().addList(BASIC));
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().keySet().removeIf(path -> path.endsWith("/{id}/{segment}"));
      openApi.getPaths().forEach(OpenApiConfiguration::nameTheQuestions);
      RESOURCES.forEach(
          (segment, tag) ->
              openApi.addTagsItem(
                  new io.swagger.v3.oas.models.tags.Tag().name(tag[0]).description(tag[1])));
      for (CommandCatalogue command : CommandCatalogue.values()) {
        PathItem item = openApi.getPaths().computeIfAbsent(command.path(), p -> new PathItem());
        item.setPost(operation(command, examples.get(command), components));
      }
    };
  }

  /** The tag of each resource, by the path's first segment after {@code /api}, with its words. */
  private static final Map<String, String[]> RESOURCES =
      Map.of(
          "",
          new String[] {"Index", "What the API offers, with links"},
          "partnerships",
          new String[] {
            "Partnership questions",
            "A partnership's state, timeline, funding, commitments, durability, cohorts, renewal"
                + " dossier and audit trail, for a day in the world as known on a day"
          },
          "organisations",
          new String[] {"Organisation questions", "Organisations and their track records"},
          "analytics",
          new String[] {
            "Analytics", "Questions across partnerships: survival, and the panel dataset"
          },
          "events",
          new String[] {"Event log", "Every stored event, as a file and as a live stream"},
          "import",
          new String[] {"Import", "Many commands at once, as JSON Lines, with a report"},
          "projections",
          new String[] {"Operations", "The read models: how far they are, and rebuilding them"});

  /**
   * Names each operation the controllers answer after the question it asks ({@code
   * getPartnershipDurability} for {@code GET /api/partnerships/{id}/durability}, whatever media
   * type the method behind it serves) and tags it by its resource; the commands keep their own
   * names.
   */
  private static void nameTheQuestions(String path, PathItem item) {
    if (!path.startsWith("/api")) {
      return;
    }
    String[] segments = path.substring("/api".length()).split("/");
    List<String> literal = new java.util.ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty() || segment.startsWith("{")) {
        continue;
      }
      boolean itemOf = i + 1 < segments.length && segments[i + 1].startsWith("{");
      literal.add(
          itemOf && segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment);
    }
    String first = literal.isEmpty() ? "" : segments[1];
    String[] resource = RESOURCES.get(first);
    item.readOperationsMap()
        .forEach(
            (method, operation) -> {
              boolean command =
                  operation.getTags() != null
                      && operation.getTags().stream().anyMatch(tag -> tag.endsWith(" facts"));
              if (command) {
                return;
              }
              StringBuilder name =
                  new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
              literal.forEach(part -> name.append(camel(part)));
              if (literal.isEmpty()) {
                name.append("Index");
              }
              operation.setOperationId(name.toString());
              operation.setTags(List.of(resource == null ? camel(first) : resource[0]));
            });
  }

  private static String camel(String words) {
    StringBuilder camel = new StringBuilder();
    for (String word : words.split("-")) {
      if (!word.isEmpty()) {
        camel.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return camel.toString();
  }

  /**
   * A command's example.
   *
   * @param id the partnership or organisation it is about, which the path names
   * @param body the body, without {@code type} and (but for a registration) the identifier
   */
  record Example(String id, JsonNode body) {}

  private static Operation operation(
      CommandCatalogue command, Example example, Components components) {
    ResolvedSchema resolved =
        ModelConverters.getInstance()
            .resolveAsResolvedSchema(new AnnotatedType(command.commandClass()).resolveAsRef(false));
    Schema<?> body = resolved.schema;
    if (resolved.referencedSchemas != null) {
      resolved.referencedSchemas.forEach(components::addSchemas);
    }
    VALUE_SCHEMAS.forEach((type, schema) -> components.addSchemas(type.getSimpleName(), schema));
    if (body != null && body.getProperties() != null) {
      body.getProperties().remove("recorded");
      if (!command.registers()) {
        body.getProperties().remove(command.target().identifierField());
      }
    }
    MediaType json = new MediaType().schema(body);
    if (example != null) {
      json.example(example.body());
    }
    Operation operation =
        new Operation()
            .operationId(lowerFirst(command.commandName()))
            .summary(command.summary())
            .description(
                "Command "
                    + command.commandName()
                    + ". The registry records who sent it and when; sending the same fact again"
                    + " changes nothing.")
            .addTagsItem(
                command.target() == CommandCatalogue.Target.PARTNERSHIP
                    ? "Partnership facts"
                    : "Organisation facts")
            .requestBody(
                new RequestBody()
                    .required(true)
                    .content(new Content().addMediaType("application/json", json)))
            .responses(responses(command));
    if (!command.registers()) {
      Parameter identifier =
          new Parameter()
              .in("path")
              .name(command.target().identifierField())
              .required(true)
              .schema(new StringSchema());
      if (example != null) {
        identifier.example(example.id());
      }
      operation.addParametersItem(identifier);
    }
    return operation;
  }

  private static ApiResponses responses(CommandCatalogue command) {
    ApiResponses responses = new ApiResponses();
    responses.addApiResponse(
        command.registers() ? "201" : "202", new ApiResponse().description("Recorded"));
    responses.addApiResponse(
        "200", new ApiResponse().description("Already recorded; nothing changed"));
    responses.addApiResponse("400", new ApiResponse().description("An invalid field, named"));
    responses.addApiResponse("401", new ApiResponse().description("Not signed in"));
    responses.addApiResponse("403", new ApiResponse().description("Not a registrar"));
    if (!command.registers()) {
      responses.addApiResponse("404", new ApiResponse().description("No such aggregate"));
    }
    responses.addApiResponse(
        "409", new ApiResponse().description("Conflicts with a recorded fact, or changed at once"));
    responses.addApiResponse(
        "422", new ApiResponse().description("Refused by a domain rule, named in \"rule\""));
    return responses;
  }

  /**
   * The first line of each command in the demo dataset, as the example; then the hand-written
   * examples of {@link #EXAMPLES} for the commands the demo dataset lacks.
   */
  static Map<CommandCatalogue, Example> examples() {
    Map<CommandCatalogue, Example> examples = new LinkedHashMap<>();
    read(StartupImport.DEMO_DATASET, examples);
    read(EXAMPLES, examples);
    return examples;
  }

  private static void read(String resource, Map<CommandCatalogue, Example> examples) {
    ClassPathResource lines = new ClassPathResource(resource);
    if (!lines.exists()) {
      return;
    }
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in = lines.getInputStream();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        ObjectNode node = (ObjectNode) mapper.readTree(line);
        CommandCatalogue.named(node.path("type").asText())
            .filter(command -> !examples.containsKey(command))
            .ifPresent(
                command -> {
                  node.remove("type");
                  String id = node.path(command.target().identifierField()).asText(null);
                  if (!command.registers()) {
                    node.remove(command.target().identifierField());
                  }
                  examples.put(command, new Example(id, node));
                });
      }
    } catch (IOException | ClassCastException e) {
      // An unreadable file gives no examples: the description is complete without them.
    }
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
