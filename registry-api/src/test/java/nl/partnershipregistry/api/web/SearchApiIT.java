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
 * A researcher searches the demo registry as researchers search: by the name of STBK's lead partner
 * in any case and with accents, by KLM as a partner by its name, by "water" as part of a sector,
 * and by part of a word of a partnership's name, and finds the best match first with where it was
 * found.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {

  @Autowired WebTestClient anonymous;
  @Autowired MongoEventStorageEngine engine;
  WebTestClient researcher;

  @BeforeAll
  void await_the_demo_data() {
    researcher =
        anonymous
            .mutate()
            .responseTimeout(Duration.ofSeconds(30))
            .filter(basicAuthentication("researcher", "researcher"))
            .build();
    list("/api/partnerships?afterCommit=" + engine.head());
  }

  JsonNode list(String uri) {
    return researcher
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("partnershipId").asText()));
    return ids;
  }

  @Test
  void the_lead_partners_name_finds_stbk_first_whatever_its_case_and_accents() {
    for (String text : new String[] {"HiTecs", "hitecs", "HÌTÉCS", "hitec"}) {
      JsonNode found = list("/api/partnerships?text=" + text);
      assertThat(ids(found)).as(text).first().isEqualTo("stbk");
      JsonNode stbk = found.get("items").get(0);
      assertThat(stbk.get("score").asInt()).isPositive();
      assertThat(stbk.get("matchedIn").toString()).contains("PARTNER", "HiTecs B.V.");
    }
  }

  @Test
  void a_partner_is_found_by_its_name_as_well_as_by_its_id() {
    assertThat(ids(list("/api/partnerships?partner=KLM")))
        .containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(list("/api/partnerships?partner=klm")))
        .containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(list("/api/partnerships?partner=hitecs"))).containsExactly("stbk");
    assertThat(ids(list("/api/partnerships?partner=HiTecs B.V."))).containsExactly("stbk");
  }

  @Test
  void part_of_a_sector_finds_the_water_partnerships_and_the_counts_follow() {
    JsonNode water = list("/api/partnerships?sector=water");

    assertThat(ids(water)).containsExactlyInAnyOrder("cew-water-technology", "civ-water");
    // CIV Water names no region: only CEW's is counted.
    assertThat(water.get("countsByRegion").toString()).isEqualTo("{\"Leeuwarden\":1}");
    assertThat(water.get("countsBySector").has("water technology")).isTrue();
    assertThat(water.get("countsBySector").has("technology")).isTrue();
  }

  @Test
  void part_of_a_word_of_a_name_ranks_that_partnership_first_unless_another_order_is_asked() {
    JsonNode ranked = list("/api/partnerships?text=luchtvaart");
    assertThat(ids(ranked)).first().isEqualTo("luchtvaartcollege-schiphol");
    assertThat(ranked.get("items").get(0).get("matchedIn").get(0).get("field").asText())
        .isEqualTo("NAME");
    assertThat(ids(list("/api/partnerships?text=luchtvaart&sort=relevance")))
        .isEqualTo(ids(ranked));

    JsonNode byName = list("/api/partnerships?text=amsterdam&sort=name");
    List<String> names = new ArrayList<>();
    byName.get("items").forEach(item -> names.add(item.get("name").asText()));
    assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

    JsonNode refused =
        researcher
            .get()
            .uri("/api/partnerships?text=luchtvaart&sort=best")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(refused.toString()).contains("sort", "RELEVANCE");
  }
}
