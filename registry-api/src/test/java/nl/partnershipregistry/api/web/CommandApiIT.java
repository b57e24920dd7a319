package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import java.util.stream.Stream;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import org.axonframework.eventhandling.DomainEventMessage;
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
class CommandApiIT {

  static final String SOURCE =
      "\"source\":{\"document\":\"000_824d176abdbc5ecc.txt\",\"passage\":\"STBK\"}";

  @Autowired WebTestClient anonymous;
  @Autowired EventStore events;

  WebTestClient as(String user) {
    return anonymous.mutate().filter(basicAuthentication(user, user)).build();
  }

  WebTestClient.ResponseSpec post(String user, String path, String body) {
    return as(user)
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  static String partnership(String id) {
    return "{\"partnershipId\":\""
        + id
        + "\",\"factId\":\""
        + id
        + "-registered\",\"occurredOn\":\"2001\",\"name\":\"STBK\",\"kind\":\"DUAL_TRAJECTORY\","
        + "\"region\":\"Amsterdam\",\"sector\":\"technology\",\"goal\":\"an hbo degree while working\","
        + SOURCE
        + "}";
  }

  static String organisation(String id) {
    return "{\"organisationId\":\""
        + id
        + "\",\"factId\":\""
        + id
        + "-registered\",\"occurredOn\":\"1990\",\"name\":\"HiTecs\",\"organisationType\":\"EMPLOYER\","
        + SOURCE
        + "}";
  }

  static String admit(String organisation, String date) {
    return "{\"factId\":\"joined-"
        + organisation
        + "\",\"occurredOn\":\""
        + date
        + "\",\"organisationId\":\""
        + organisation
        + "\",\"role\":\"LEAD\","
        + SOURCE
        + "}";
  }

  @Test
  void a_registrar_registers_a_partnership_and_learns_its_location_and_commit() {
    post("registrar", "/api/partnerships", partnership("reg-1"))
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/api/partnerships/reg-1")
        .expectBody()
        .jsonPath("$.command")
        .isEqualTo("RegisterPartnership")
        .jsonPath("$.changed")
        .isEqualTo(true)
        .jsonPath("$.commits.length()")
        .isEqualTo(1)
        .jsonPath("$.commits[0]")
        .isNumber();
  }

  @Test
  void sending_the_same_fact_again_changes_nothing() {
    post("registrar", "/api/partnerships", partnership("reg-2")).expectStatus().isCreated();

    post("registrar", "/api/partnerships", partnership("reg-2"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.changed")
        .isEqualTo(false)
        .jsonPath("$.commits.length()")
        .isEqualTo(0);
    assertThat(events.readEvents("reg-2").asStream().count()).isEqualTo(1);
  }

  @Test
  void a_fact_is_recorded_by_the_signed_in_user_and_accepted_with_202() {
    post("registrar", "/api/organisations", organisation("hitecs-1")).expectStatus().isCreated();
    post("registrar", "/api/partnerships", partnership("reg-3")).expectStatus().isCreated();

    post("registrar", "/api/partnerships/reg-3/partners", admit("hitecs-1", "2001"))
        .expectStatus()
        .isAccepted()
        .expectHeader()
        .location("/api/partnerships/reg-3");

    PartnerJoined joined =
        (PartnerJoined)
            events
                .readEvents("reg-3")
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(PartnerJoined.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(joined.recorded().by()).isEqualTo("registrar");
    assertThat(joined.partnershipId().value()).isEqualTo("reg-3");
  }

  @Test
  void the_client_cannot_say_who_recorded_a_fact() {
    String body = partnership("reg-4").replace("{", "{\"recorded\":{\"by\":\"someone\"},");

    post("registrar", "/api/partnerships", body)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("recorded");
    assertThat(events.readEvents("reg-4").asStream().count()).isZero();
  }

  @Test
  void without_credentials_a_write_gets_401_and_a_reader_who_writes_gets_403() {
    anonymous
        .post()
        .uri("/api/partnerships")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(partnership("reg-5"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("WWW-Authenticate");
    for (String reader : new String[] {"auditor", "researcher", "funder"}) {
      post(reader, "/api/partnerships", partnership("reg-5"))
          .expectStatus()
          .isForbidden()
          .expectBody()
          .jsonPath("$.title")
          .isEqualTo("Not allowed for your role");
    }
    anonymous
        .mutate()
        .filter(basicAuthentication("registrar", "wrong"))
        .build()
        .post()
        .uri("/api/partnerships")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(partnership("reg-5"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    assertThat(events.readEvents("reg-5").asStream().count()).isZero();
  }

  @Test
  void an_invalid_field_is_named() {
    Stream.of(
            new String[] {partnership("reg-6").replace("\"2001\"", "\"2001-13\""), "occurredOn"},
            new String[] {partnership("reg-6").replace("DUAL_TRAJECTORY", "CIRCUS"), "kind"},
            new String[] {partnership("reg-6").replace("\"name\":\"STBK\",", ""), "name"},
            new String[] {partnership("reg-6").replace("\"name\"", "\"naam\""), "naam"},
            new String[] {partnership("reg-6").replace("\"reg-6\"", "\"reg 6\""), "partnershipId"},
            new String[] {partnership("reg-6").replace("\"name\":\"STBK\"", "\"name\":42"), null})
        .forEach(
            c -> {
              var body =
                  post("registrar", "/api/partnerships", c[0])
                      .expectStatus()
                      .isBadRequest()
                      .expectBody();
              if (c[1] != null) {
                body.jsonPath("$.field").isEqualTo(c[1]);
              }
              body.jsonPath("$.trace").doesNotExist();
            });
    post("registrar", "/api/partnerships", partnership("reg-6").replace("CIRCUS", "x"))
        .expectStatus()
        .isCreated();
  }

  static String funding(String id, String amount) {
    return "{\"factId\":\""
        + id
        + "\",\"occurredOn\":\"2003\",\"fundingId\":\""
        + id
        + "\",\"fundingType\":\"SUBSIDY\",\"instrument\":\"EFRO\",\"funder\":\"EFRO\","
        + (amount == null ? "" : "\"amount\":" + amount + ",")
        + "\"period\":{\"from\":\"2003\",\"until\":\"2005\"},"
        + SOURCE
        + "}";
  }

  @Test
  void
      funding_whose_amount_no_source_gives_is_recorded_without_one_and_a_negative_one_is_refused() {
    post("registrar", "/api/partnerships", partnership("reg-11")).expectStatus().isCreated();

    post("registrar", "/api/partnerships/reg-11/funding", funding("efro-1", null))
        .expectStatus()
        .isAccepted();
    post("registrar", "/api/partnerships/reg-11/funding", funding("efro-2", "null"))
        .expectStatus()
        .isAccepted();
    post("registrar", "/api/partnerships/reg-11/funding", funding("efro-3", "-5"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("amount");
    post("registrar", "/api/partnerships/reg-11/funding", funding("efro-4", "\"lots\""))
        .expectStatus()
        .isBadRequest();
    assertThat(events.readEvents("reg-11").asStream().count()).isEqualTo(3);
  }

  @Test
  void malformed_json_and_an_empty_body_are_bad_requests() {
    for (String body : new String[] {"{\"partnershipId\":", "[1,2]", "null", " "}) {
      post("registrar", "/api/partnerships", body)
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void a_broken_rule_is_refused_with_422_naming_the_rule() {
    post("registrar", "/api/partnerships", partnership("reg-7")).expectStatus().isCreated();

    post("registrar", "/api/partnerships/reg-7/partners", admit("hitecs-7", "1999"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.rule")
        .isEqualTo("FactBeforePartnershipStart")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("2001"));
    assertThat(events.readEvents("reg-7").asStream().count()).isEqualTo(1);
  }

  @Test
  void a_fact_id_used_for_another_fact_is_a_conflict() {
    post("registrar", "/api/partnerships", partnership("reg-8")).expectStatus().isCreated();
    post("registrar", "/api/partnerships/reg-8/partners", admit("hitecs-8", "2002"))
        .expectStatus()
        .isAccepted();

    post("registrar", "/api/partnerships/reg-8/partners", admit("hitecs-8", "2003"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.rule")
        .isEqualTo("FactIdAlreadyUsed");
  }

  @Test
  void a_fact_about_an_unknown_partnership_or_at_an_unknown_path_is_404() {
    post("registrar", "/api/partnerships/nobody/partners", admit("hitecs-9", "2002"))
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    post("registrar", "/api/partnerships/reg-9/no-such-command", admit("hitecs-9", "2002"))
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void the_path_decides_the_partnership() {
    post("registrar", "/api/partnerships", partnership("reg-10")).expectStatus().isCreated();
    String body = admit("hitecs-10", "2002").replace("{", "{\"partnershipId\":\"other\",");

    post("registrar", "/api/partnerships/reg-10/partners", body)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("partnershipId");
  }

  @Test
  void a_body_larger_than_allowed_is_413() {
    String huge = partnership("reg-11").replace("STBK\"", "STBK" + "x".repeat(2_000_000) + "\"");

    post("registrar", "/api/partnerships", huge).expectStatus().isEqualTo(413);
    assertThat(events.readEvents("reg-11").asStream().count()).isZero();
  }
}
