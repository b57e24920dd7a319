package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.api.importing.ImportReport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "registry.embedded.mode=memory")
class ImportApiIT {

  static final String SOURCE = "\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 1\"}";

  @Autowired WebTestClient anonymous;
  @Autowired EventStore events;

  WebTestClient.ResponseSpec importAs(String user, String file) {
    return anonymous
        .mutate()
        .filter(basicAuthentication(user, user))
        .build()
        .post()
        .uri("/api/import")
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .bodyValue(file)
        .exchange();
  }

  static String file(String id) {
    return String.join(
        "\n",
        "{\"type\":\"RegisterOrganisation\",\"organisationId\":\""
            + id
            + "-hva\",\"factId\":\"o1\",\"occurredOn\":\"1993\",\"name\":\"Hogeschool van"
            + " Amsterdam\",\"organisationType\":\"SCHOOL\",\"schoolLevel\":\"HBO\","
            + SOURCE
            + "}",
        "{\"type\":\"RegisterPartnership\",\"partnershipId\":\""
            + id
            + "\",\"factId\":\"p1\",\"occurredOn\":\"2001\",\"name\":\"STBK\",\"kind\":\"DUAL_TRAJECTORY\","
            + SOURCE
            + "}",
        "",
        "{\"type\":\"AdmitPartner\",\"partnershipId\":\""
            + id
            + "\",\"factId\":\"p2\",\"occurredOn\":\"2001\",\"organisationId\":\""
            + id
            + "-hva\",\"role\":\"LEAD\","
            + SOURCE
            + "}",
        "{\"type\":\"AdmitPartner\",\"partnershipId\":\"" + id + "\",\"factId\":",
        "{\"type\":\"PlantTree\",\"partnershipId\":\"" + id + "\"}",
        "{\"type\":\"AdmitPartner\",\"partnershipId\":\""
            + id
            + "\",\"factId\":\"p3\",\"occurredOn\":\"1999\",\"organisationId\":\"stork\",\"role\":\"CORE\","
            + SOURCE
            + "}",
        "{\"type\":\"AdmitPartner\",\"partnershipId\":\""
            + id
            + "\",\"factId\":\"p4\",\"occurredOn\":\"2002-02-30\",\"organisationId\":\"stork\",\"role\":\"CORE\","
            + SOURCE
            + "}");
  }

  @Test
  void valid_lines_are_applied_and_each_rejected_line_is_reported_with_its_number() {
    ImportReport report =
        importAs("registrar", file("imp-1"))
            .expectStatus()
            .isEqualTo(422)
            .expectBody(ImportReport.class)
            .returnResult()
            .getResponseBody();

    assertThat(report.lines()).isEqualTo(8);
    assertThat(report.applied()).isEqualTo(3);
    assertThat(report.rejected()).isEqualTo(4);
    assertThat(report.rejections())
        .extracting(ImportReport.Rejection::line)
        .containsExactly(5L, 6L, 7L, 8L);
    assertThat(report.rejections().get(0).problem()).contains("not valid JSON");
    assertThat(report.rejections().get(1).field()).isEqualTo("type");
    assertThat(report.rejections().get(1).problem()).contains("PlantTree", "RecordCommitment");
    assertThat(report.rejections().get(2).rule()).isEqualTo("FactBeforePartnershipStart");
    assertThat(report.rejections().get(2).command()).isEqualTo("AdmitPartner");
    assertThat(report.rejections().get(3).field()).isEqualTo("occurredOn");
    assertThat(events.readEvents("imp-1").asStream().count()).isEqualTo(2);
  }

  @Test
  void importing_the_same_file_twice_changes_nothing() {
    importAs("registrar", file("imp-2")).expectStatus().isEqualTo(422);
    long stored = events.readEvents("imp-2").asStream().count();

    ImportReport again =
        importAs("registrar", file("imp-2"))
            .expectBody(ImportReport.class)
            .returnResult()
            .getResponseBody();

    assertThat(again.applied()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.firstCommit()).as("no commit stored, no number").isNull();
    assertThat(again.lastCommit()).isNull();
    assertThat(events.readEvents("imp-2").asStream().count()).isEqualTo(stored);
  }

  @Test
  void a_clean_file_answers_200_with_the_commits_it_stored() {
    String clean = String.join("\n", file("imp-3").lines().limit(4).toList()) + "\n";

    ImportReport report =
        importAs("registrar", clean)
            .expectStatus()
            .isOk()
            .expectBody(ImportReport.class)
            .returnResult()
            .getResponseBody();

    assertThat(report.applied()).isEqualTo(3);
    assertThat(report.lastCommit() - report.firstCommit()).isEqualTo(2);
  }

  @Test
  void the_lines_of_each_partnership_apply_in_file_order_while_partnerships_interleave() {
    List<String> lines = new ArrayList<>();
    for (int partnership = 0; partnership < 3; partnership++) {
      lines.add(
          "{\"type\":\"RegisterPartnership\",\"partnershipId\":\"imp-5-"
              + partnership
              + "\",\"factId\":\"r\",\"occurredOn\":\"2001\",\"name\":\"STBK\","
              + "\"kind\":\"DUAL_TRAJECTORY\","
              + SOURCE
              + "}");
    }
    for (int phase = 0; phase < 20; phase++) {
      for (int partnership = 0; partnership < 3; partnership++) {
        lines.add(
            "{\"type\":\"RecordEvaluation\",\"partnershipId\":\"imp-5-"
                + partnership
                + "\",\"factId\":\"e"
                + phase
                + "\",\"occurredOn\":\""
                + (2002 + phase)
                + "\",\"evaluator\":\"audit\",\"summary\":\"evaluation "
                + phase
                + "\",\"findings\":[],"
                + SOURCE
                + "}");
      }
    }
    lines.add(
        "{\"type\":\"RecordEvaluation\",\"partnershipId\":\"imp-5-none\",\"factId\":\"x\","
            + "\"occurredOn\":\"2003\",\"evaluator\":\"audit\",\"summary\":\"s\",\"findings\":[],"
            + SOURCE
            + "}");

    ImportReport report =
        importAs("registrar", String.join("\n", lines))
            .expectBody(ImportReport.class)
            .returnResult()
            .getResponseBody();

    assertThat(report.applied()).isEqualTo(63);
    assertThat(report.rejections()).extracting(ImportReport.Rejection::line).containsExactly(64L);
    List<String> expected = new ArrayList<>(List.of("0:r"));
    for (int phase = 0; phase < 20; phase++) {
      expected.add((phase + 1) + ":e" + phase);
    }
    for (int partnership = 0; partnership < 3; partnership++) {
      assertThat(
              events
                  .readEvents("imp-5-" + partnership)
                  .asStream()
                  .map(e -> e.getSequenceNumber() + ":" + factIdOf(e.getPayload()))
                  .toList())
          .containsExactlyElementsOf(expected);
    }
  }

  private static String factIdOf(Object payload) {
    return ((nl.partnershipregistry.core.partnership.event.PartnershipFact) payload)
        .factId()
        .value();
  }

  @Test
  void only_a_registrar_imports() {
    importAs("researcher", file("imp-4")).expectStatus().isForbidden();
    anonymous
        .post()
        .uri("/api/import")
        .bodyValue(file("imp-4"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    assertThat(events.readEvents("imp-4-hva").asStream().count()).isZero();
  }
}
