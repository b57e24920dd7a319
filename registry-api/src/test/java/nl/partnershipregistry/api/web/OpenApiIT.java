package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.partnershipregistry.api.command.CommandCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "registry.embedded.mode=memory")
class OpenApiIT {

  @Autowired WebTestClient anonymous;

  @Test
  void every_command_is_described_with_its_fields_and_an_example() {
    JsonNode api =
        anonymous
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    JsonNode paths = api.get("paths");

    for (CommandCatalogue command : CommandCatalogue.values()) {
      String path =
          command
              .path()
              .replace(
                  "{" + command.target().identifierField() + "}",
                  "{" + command.target().identifierField() + "}");
      JsonNode post = paths.path(path).path("post");
      assertThat(post.isMissingNode()).as(path).isFalse();
      JsonNode body = post.path("requestBody").path("content").path("application/json");
      JsonNode properties = body.path("schema").path("properties");
      assertThat(properties.has("factId")).as(path + " factId").isTrue();
      assertThat(properties.has("recorded")).as(path + " recorded").isFalse();
      assertThat(body.path("example").path("factId").asText()).as(path + " example").isNotEmpty();
      assertThat(body.path("example").has("type")).as(path + " example's type").isFalse();
      if (!command.registers()) {
        assertThat(post.path("parameters").get(0).path("example").asText())
            .as(path + " example's " + command.target().identifierField())
            .isNotEmpty();
      }
    }
    JsonNode retraction =
        paths
            .path("/api/partnerships/{partnershipId}/retractions")
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("example");
    assertThat(retraction.path("retractedFactId").asText()).isNotEmpty();
    assertThat(retraction.path("reason").asText()).isNotEmpty();
    JsonNode admitPartner =
        paths
            .path("/api/partnerships/{partnershipId}/partners")
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/json");
    assertThat(admitPartner.path("example").path("source").path("document").asText())
        .endsWith(".txt");
    String occurredOn =
        admitPartner.path("schema").path("properties").path("occurredOn").path("$ref").asText();
    assertThat(occurredOn).isEqualTo("#/components/schemas/FactDate");
    assertThat(api.path("components").path("schemas").path("FactDate").path("type").asText())
        .isEqualTo("string");
    assertThat(api.path("components").path("schemas").path("PartnershipId").path("type").asText())
        .isEqualTo("string");
    assertThat(paths.has("/api/partnerships/{id}/{segment}")).isFalse();
    assertThat(api.path("components").path("securitySchemes").has("basic")).isTrue();
  }

  @Test
  void every_question_takes_the_three_optional_time_parameters_not_one_object() {
    JsonNode paths =
        anonymous
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("paths");

    for (String path :
        new String[] {
          "/api/partnerships",
          "/api/partnerships/{id}",
          "/api/partnerships/{id}/durability",
          "/api/analytics/survival"
        }) {
      JsonNode parameters = paths.path(path).path("get").path("parameters");
      assertThat(parameters.findValuesAsText("name"))
          .as(path)
          .contains("asOf", "asKnownOn", "afterCommit")
          .doesNotContain("at");
      for (JsonNode parameter : parameters) {
        if (!parameter.path("in").asText().equals("path")) {
          assertThat(parameter.path("required").asBoolean(false))
              .as(path + " " + parameter.path("name").asText())
              .isFalse();
        }
      }
      JsonNode asOf =
          parameters.findParents("name").stream()
              .filter(p -> p.path("name").asText().equals("asOf"))
              .findFirst()
              .orElseThrow();
      assertThat(asOf.path("schema").path("pattern").asText())
          .isEqualTo("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$");
    }
    JsonNode durability = paths.path("/api/partnerships/{id}/durability").path("get");
    assertThat(durability.path("operationId").asText()).isEqualTo("getPartnershipDurability");
    assertThat(durability.path("tags").get(0).asText()).isEqualTo("Partnership questions");
    assertThat(paths.path("/api/analytics/survival").path("get").path("operationId").asText())
        .isEqualTo("getAnalyticsSurvival");
    paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api"));
    paths.forEach(
        item ->
            item.forEach(
                operation -> {
                  assertThat(operation.path("operationId").asText()).doesNotEndWith("Csv");
                  operation
                      .path("tags")
                      .forEach(tag -> assertThat(tag.asText()).doesNotEndWith("-controller"));
                }));
  }

  @Test
  void swagger_ui_is_served() {
    anonymous.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    anonymous.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
  }
}
