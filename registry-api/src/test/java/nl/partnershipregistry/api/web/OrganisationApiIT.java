package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The organisations of the demo data over HTTP: searched by part of a name whatever its case and
 * accents, by type and by group, page by page and as CSV; one organisation with its group and the
 * partnerships it took part in; an unknown one and unreadable parameters refused as problems. And
 * the survival curves name the partnerships they leave out.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationApiIT {

  @Autowired WebTestClient anonymous;
  @Autowired MongoEventStorageEngine engine;

  WebTestClient as(String user) {
    return anonymous
        .mutate()
        .responseTimeout(Duration.ofSeconds(30))
        .filter(basicAuthentication(user, user))
        .build();
  }

  @BeforeAll
  void await_the_demo_data() {
    as("researcher")
        .get()
        .uri("/api/organisations?afterCommit=" + engine.head())
        .exchange()
        .expectStatus()
        .isOk();
  }

  JsonNode read(String user, String uri) {
    return as(user)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("items").forEach(i -> names.add(i.get("name").asText()));
    return names;
  }

  @Test
  void every_reader_searches_organisations_by_part_of_a_name_ignoring_case_and_accents() {
    JsonNode hitecs = read("funder", "/api/organisations?text=hItEc");
    assertThat(names(hitecs)).containsExactly("HiTecs B.V.");
    JsonNode item = hitecs.get("items").get(0);
    assertThat(item.get("organisationId").asText()).isEqualTo("hitecs");
    assertThat(item.get("type").asText()).isEqualTo("EMPLOYER");
    assertThat(item.get("groupId").asText()).isEqualTo("stork");
    assertThat(item.get("groupName").asText()).isEqualTo("Stork");
    assertThat(item.get("partnerships").asInt()).isEqualTo(1);

    for (String user : List.of("auditor", "researcher", "registrar")) {
      assertThat(names(read(user, "/api/organisations?text=HÌTÉCS")))
          .as("accents in the question are ignored too, for " + user)
          .containsExactly("HiTecs B.V.");
    }
  }

  @Test
  void by_type_by_group_and_page_by_page() {
    JsonNode schools = read("researcher", "/api/organisations?type=school&size=200");
    assertThat(schools.get("total").asInt()).isEqualTo(22);
    schools.get("items").forEach(i -> assertThat(i.get("type").asText()).isEqualTo("SCHOOL"));
    assertThat(schools.get("countsByType").get("SCHOOL").asInt()).isEqualTo(22);

    assertThat(names(read("researcher", "/api/organisations?group=stork")))
        .containsExactly("HiTecs B.V.", "Stork");

    JsonNode all = read("researcher", "/api/organisations?size=200");
    JsonNode second = read("researcher", "/api/organisations?page=1&size=10");
    assertThat(all.get("total").asInt()).isEqualTo(107);
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(names(second)).isEqualTo(names(all).subList(10, 20));
  }

  @Test
  void the_list_as_csv() {
    String csv =
        as("researcher")
            .get()
            .uri("/api/organisations?group=stork")
            .accept(MediaType.parseMediaType("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv.lines().toList())
        .containsExactly(
            "organisationId,name,formerNames,type,schoolLevel,groupId,groupName,mergedInto,partnerships",
            "hitecs,HiTecs B.V.,,EMPLOYER,,stork,Stork,,1",
            "stork,Stork,,EMPLOYER,,,,,0");
  }

  @Test
  void an_organisation_with_its_names_group_and_the_partnerships_it_took_part_in() {
    JsonNode hitecs = read("funder", "/api/organisations/hitecs");
    assertThat(hitecs.get("registered").asBoolean()).isTrue();
    assertThat(hitecs.get("name").asText()).isEqualTo("HiTecs B.V.");
    assertThat(hitecs.get("names").get(0).get("name").asText()).isEqualTo("HiTecs B.V.");
    assertThat(hitecs.get("names").get(0).get("since").asText()).isEqualTo("1998");
    assertThat(hitecs.get("groupName").asText()).isEqualTo("Stork");
    assertThat(hitecs.get("memberships").get(0).get("joinedOn").asText()).isEqualTo("1998");
    assertThat(hitecs.get("mergedInto").isNull()).isTrue();
    JsonNode stbk = hitecs.get("partnerships").get(0);
    assertThat(stbk.get("partnershipId").asText()).isEqualTo("stbk");
    assertThat(stbk.get("role").asText()).isEqualTo("LEAD");
    assertThat(stbk.get("joinedOn").asText()).isEqualTo("2001");

    JsonNode earlier = read("funder", "/api/organisations/hitecs?asOf=2000-01-01");
    assertThat(earlier.get("partnerships")).isEmpty();
  }

  @Test
  void an_unknown_organisation_and_unreadable_parameters_are_problems() {
    as("researcher")
        .get()
        .uri("/api/organisations/nobody")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No organisation is registered under nobody");
    for (String[] wrong :
        new String[][] {
          {"/api/organisations?type=bakery", "type"},
          {"/api/organisations?size=0", "size"},
          {"/api/organisations?page=-1", "page"},
          {"/api/organisations?asOf=yesterday", "asOf"},
          {"/api/organisations?group=-stork", "group"},
          {"/api/organisations/-hitecs", "id"}
        }) {
      JsonNode problem =
          as("researcher")
              .get()
              .uri(wrong[0])
              .exchange()
              .expectStatus()
              .isBadRequest()
              .expectBody(JsonNode.class)
              .returnResult()
              .getResponseBody();
      assertThat(problem.path("field").asText()).as(wrong[0] + ": " + problem).isEqualTo(wrong[1]);
    }
    anonymous.get().uri("/api/organisations").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void survival_curves_name_the_partnerships_left_out_for_an_unknown_start() {
    JsonNode curves = read("researcher", "/api/analytics/survival?asOf=2025-12-31");
    assertThat(curves.get("leftOut")).hasSize(curves.get("leftOutStartUnknown").asInt());
    JsonNode first = curves.get("leftOut").get(0);
    assertThat(first.get("partnershipId").asText()).isNotBlank();
    assertThat(first.get("name").asText()).isNotBlank();
    assertThat(first.get("existingBy").asText()).isNotBlank();
  }
}
