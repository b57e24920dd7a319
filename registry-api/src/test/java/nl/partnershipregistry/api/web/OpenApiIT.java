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
  void every_command_is_described_with_its_fields_and_an_example_from_the_demo_data() {
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
    }
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
  void swagger_ui_is_served() {
    anonymous.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    anonymous.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
  }
}
