package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.projections.query.panel.Panel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A researcher downloads the panel of the demo data and finds in STBK's row for 2007 what the
 * partnership's own questions say about 1 July 2007.
 */
@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.embedded.mode=memory", "registry.import.demo=always"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelApiIT {

  static final String PANEL = "/api/analytics/panel?from=2000&to=2010";

  @Autowired WebTestClient anonymous;
  final ObjectMapper json = new ObjectMapper();

  WebTestClient researcher() {
    return anonymous
        .mutate()
        .responseTimeout(Duration.ofSeconds(60))
        .filter(basicAuthentication("researcher", "researcher"))
        .build();
  }

  /** Waits while the demo data are being loaded (503), as a client told to retry would. */
  @BeforeAll
  void await_the_demo_data() throws InterruptedException {
    for (int attempt = 0; attempt < 600; attempt++) {
      HttpStatus status =
          HttpStatus.valueOf(
              researcher()
                  .get()
                  .uri("/api/partnerships/stbk")
                  .exchange()
                  .returnResult(String.class)
                  .getStatus()
                  .value());
      if (status == HttpStatus.OK) {
        return;
      }
      Thread.sleep(200);
    }
  }

  JsonNode read(String uri) {
    return researcher()
        .get()
        .uri(uri)
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  String csv() {
    return researcher()
        .get()
        .uri(PANEL + "&format=csv")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith("text/csv")
        .expectHeader()
        .valueEquals("Content-Disposition", "attachment; filename=\"analytics-panel.csv\"")
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** The CSV's lines as fields, quoted fields unquoted (RFC 4180). */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        continue;
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return rows;
  }

  Map<String, String> stbk2007(List<List<String>> table) {
    List<String> header = table.get(0);
    for (List<String> line : table.subList(1, table.size())) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), line.get(i));
      }
      if (row.get("partnership_id").equals("stbk") && row.get("year").equals("2007")) {
        return row;
      }
    }
    throw new AssertionError("no row of stbk for 2007");
  }

  @Test
  void the_csv_has_a_header_row_of_the_documented_columns() {
    List<List<String>> table = parse(csv());

    assertThat(table.get(0)).isEqualTo(Panel.COLUMNS);
    assertThat(table.get(0))
        .startsWith("partnership_id", "name", "year", "as_of", "phase", "kind", "region", "sector")
        .contains(
            "active_employers",
            "largest_employer_group_share_partners",
            "employer_hhi_partners",
            "key_persons_active",
            "subsidy_share",
            "funding_subsidy",
            "commitments_promised_places",
            "commitments_delivered_places",
            "completion_rate",
            "verdict_employer_concentration");
    assertThat(table.subList(1, table.size()))
        .allSatisfy(line -> assertThat(line).hasSameSizeAs(table.get(0)));
  }

  @Test
  void stbk_in_2007_as_its_own_questions_answer_for_1_july() {
    Map<String, String> row = stbk2007(parse(csv()));
    JsonNode state = read("/api/partnerships/stbk?asOf=2007-07-01");
    JsonNode durability = read("/api/partnerships/stbk/durability?asOf=2007-07-01");

    assertThat(row.get("as_of")).isEqualTo("2007-07-01");
    assertThat(row.get("name")).isEqualTo(state.get("name").asText());
    // STBK's source never names its phase before the winding down: an empty cell, not a guess.
    assertThat(state.get("phase").asText()).isEqualTo("UNKNOWN");
    assertThat(row.get("phase")).isEmpty();
    assertThat(row.get("kind")).isEqualTo(state.get("kind").asText());
    assertThat(row.get("active_partners")).isEqualTo(String.valueOf(state.get("partners").size()));
    assertThat(durability.get("indicators")).isNotEmpty();
    for (JsonNode indicator : durability.get("indicators")) {
      assertThat(row.get("verdict_" + indicator.get("condition").asText().toLowerCase()))
          .as(indicator.get("condition").asText())
          .isEqualTo(indicator.get("verdict").asText());
    }
  }

  @Test
  void json_lines_give_one_object_per_row_with_the_same_values() throws Exception {
    String lines =
        researcher()
            .get()
            .uri(PANEL)
            .accept(MediaType.APPLICATION_NDJSON)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    List<List<String>> table = parse(csv());
    List<JsonNode> objects = new ArrayList<>();
    for (String line : lines.split("\n")) {
      objects.add(json.readTree(line));
    }

    assertThat(objects).hasSize(table.size() - 1);
    JsonNode stbk =
        objects.stream()
            .filter(o -> o.get("partnership_id").asText().equals("stbk"))
            .filter(o -> o.get("year").asInt() == 2007)
            .findFirst()
            .orElseThrow();
    Map<String, String> row = stbk2007(table);
    assertThat(stbk.get("phase").isNull()).isEqualTo(row.get("phase").isEmpty());
    assertThat(stbk.get("verdict_partner_delivery").asText())
        .isEqualTo(row.get("verdict_partner_delivery"));
    // Unknown is null in JSON where the CSV leaves the cell empty.
    for (String column : Panel.COLUMNS) {
      assertThat(stbk.has(column)).as(column).isTrue();
      if (row.get(column).isEmpty()) {
        assertThat(stbk.get(column).isNull()).as(column).isTrue();
      }
    }
    assertThat(
            researcher()
                .get()
                .uri(PANEL + "&format=jsonl")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody())
        .isEqualTo(lines);
    JsonNode array = read(PANEL + "&format=json");
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSameSizeAs(objects);
    researcher()
        .get()
        .uri(PANEL)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON);
  }

  @Test
  void a_bad_year_is_refused_naming_it() {
    for (String[] asked :
        new String[][] {
          {"?from=abc", "from"},
          {"?from=2010&to=2005", "to"},
          {"?from=1800&to=2000", "to"},
          {"?from=2990", "from"},
          {"?to=20x0", "to"}
        }) {
      researcher()
          .get()
          .uri("/api/analytics/panel" + asked[0] + "&format=csv")
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.field")
          .isEqualTo(asked[1]);
    }
  }

  @Test
  void the_panel_takes_no_valid_date() {
    researcher()
        .get()
        .uri("/api/analytics/panel?asOf=2007&format=csv")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("asOf");
  }
}
