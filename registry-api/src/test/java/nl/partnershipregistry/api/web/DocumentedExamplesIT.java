package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.api.command.CommandCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every command's example in the API description, sent to the live API on the demo dataset as a
 * client would copy it: to its documented path, for its documented partnership or organisation,
 * with a fresh {@code factId}. Each is recorded, or refused by a named rule where it depends on
 * what the registry holds (a commitment kept cannot also be broken); none is refused as malformed.
 * The facts the examples record stay in a registry of its own (its own context, closed after), so
 * that other tests on the demo data do not see them.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.embedded.mode=memory",
      "registry.import.demo=always",
      "spring.application.name=registry-documented-examples"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DocumentedExamplesIT {

  @Autowired WebTestClient anonymous;

  @Test
  void every_documented_example_is_recorded_or_refused_by_a_named_rule() {
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
            .path("paths");
    WebTestClient registrar =
        anonymous.mutate().filter(basicAuthentication("registrar", "registrar")).build();

    List<String> recorded = new ArrayList<>();
    for (CommandCatalogue command : CommandCatalogue.values()) {
      JsonNode post = paths.path(command.path()).path("post");
      JsonNode example =
          post.path("requestBody").path("content").path("application/json").path("example");
      assertThat(example.isObject()).as(command + " has an example").isTrue();
      String path = command.path();
      if (!command.registers()) {
        String id = post.path("parameters").get(0).path("example").asText();
        assertThat(id).as(command + "'s identifier").isNotEmpty();
        path = path.replace("{" + command.target().identifierField() + "}", id);
      }
      ObjectNode body = ((ObjectNode) example).deepCopy();
      body.put("factId", body.path("factId").asText() + "-as-documented");

      EntityExchangeResult<JsonNode> answer =
          registrar
              .post()
              .uri(path)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(body.toString())
              .exchange()
              .expectBody(JsonNode.class)
              .returnResult();

      int status = answer.getStatus().value();
      JsonNode problem = answer.getResponseBody();
      if (status >= 200 && status < 300) {
        recorded.add(command.commandName());
        continue;
      }
      assertThat(status).as("%s at %s answered %s", command, path, problem).isIn(409, 422);
      assertThat(problem.path("rule").asText())
          .as("%s at %s: the rule that refused it", command, path)
          .isNotEmpty();
    }
    // The examples that depend on no other example's outcome are recorded. (RecordCommitment's
    // and FulfilCommitment's examples are lines of the demo dataset, already recorded there.)
    assertThat(recorded)
        .contains(
            "DescribePartnership",
            "DisburseFunding",
            "CorrectFact",
            "RetractFact",
            "RenameOrganisation");
  }
}
