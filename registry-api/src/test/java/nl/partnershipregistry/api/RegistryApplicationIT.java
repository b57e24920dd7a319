package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.web.reactive.function.client.ExchangeFilterFunctions.basicAuthentication;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.web.WebProperties;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationRegistered;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.RegisterOrganisation;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.PartnerNotActive;
import nl.partnershipregistry.core.partnership.command.AdmitPartner;
import nl.partnershipregistry.core.partnership.command.RecordPartnerDeparture;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

@AutoConfigureWebTestClient(timeout = "PT60S")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "registry.embedded.mode=memory")
class RegistryApplicationIT {

  private static final PartnershipId STBK = PartnershipId.of("stbk");
  private static final SourceCitation SOURCE =
      SourceCitation.of("000_824d176abdbc5ecc.txt", "STBK ran from 2001 to 2008");
  private static final Recording RECORDED =
      Recording.of(Instant.parse("2026-11-23T09:00:00Z"), "registrar");

  @Autowired WebTestClient web;
  @Autowired CommandGateway commands;
  @Autowired EventStore events;
  @Autowired ApplicationContext context;

  @Test
  void connections_left_halfway_are_closed_by_default() {
    assertThat(context.getEnvironment().getProperty("server.netty.idle-timeout", Duration.class))
        .as("headers that stop halfway")
        .isEqualTo(Duration.ofSeconds(60));
    WebProperties web = context.getBean(WebProperties.class);
    assertThat(web.readTimeout()).as("a body that stops").isEqualTo(Duration.ofSeconds(30));
    assertThat(web.requestTimeout()).as("a body that trickles").isEqualTo(Duration.ofMinutes(5));
  }

  /** Health's details are for signed-in users. */
  WebTestClient signedIn() {
    return web.mutate().filter(basicAuthentication("auditor", "auditor")).build();
  }

  @Test
  void health_is_up_and_the_api_index_answers() {
    signedIn()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.mongodb.status")
        .isEqualTo("UP")
        .jsonPath("$.components.mongodb.details.server")
        .isEqualTo("embedded");
    web.get()
        .uri("/api")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Partnership registry")
        .jsonPath("$.version")
        .isNotEmpty()
        .jsonPath("$.links.health")
        .isEqualTo("/actuator/health");
  }

  @Test
  void the_probes_say_live_and_ready_with_the_database() {
    web.get()
        .uri("/actuator/health/liveness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    signedIn()
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.mongodb.status")
        .isEqualTo("UP");
  }

  @Test
  void organisations_are_registered_by_their_aggregate() {
    commands.sendAndWait(
        new RegisterOrganisation(
            OrganisationId.of("hva"),
            FactId.of("hva-registered"),
            FactDate.year(1993),
            "Hogeschool van Amsterdam",
            OrganisationType.SCHOOL,
            SchoolLevel.HBO,
            SOURCE,
            RECORDED));

    assertThat(events.readEvents("hva").asStream().map(EventMessage::getPayload))
        .singleElement()
        .isInstanceOf(OrganisationRegistered.class);
  }

  @Test
  void on_the_embedded_server_aggregates_used_last_stay_in_memory_between_commands() {
    commands.sendAndWait(
        new RegisterOrganisation(
            OrganisationId.of("cached-school"),
            FactId.of("cached-school-registered"),
            FactDate.year(1993),
            "A school used last",
            OrganisationType.SCHOOL,
            SchoolLevel.MBO,
            SOURCE,
            RECORDED));
    System.gc();

    Cache cache = context.getBean("aggregateCache", Cache.class);
    assertThat(cache.containsKey("cached-school")).isTrue();
  }

  @Test
  void there_is_exactly_one_mongodb_client() {
    assertThat(context.getBeansOfType(MongoClient.class)).hasSize(1);
    assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).hasSize(1);
  }

  @Test
  void commands_are_judged_by_the_aggregate_and_stored_in_the_mongodb_event_store() {
    commands.sendAndWait(
        new RegisterPartnership(
            STBK,
            FactId.of("stbk-registered"),
            FactDate.year(2001),
            "STBK",
            PartnershipKind.DUAL_TRAJECTORY,
            "Amsterdam",
            null,
            null,
            null,
            SOURCE,
            RECORDED));
    commands.sendAndWait(
        new AdmitPartner(
            STBK,
            FactId.of("stbk-hitecs-joined"),
            FactDate.year(2001),
            OrganisationId.of("hitecs"),
            PartnerRole.LEAD,
            SOURCE,
            RECORDED));

    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new RecordPartnerDeparture(
                        STBK,
                        FactId.of("stbk-hva-left"),
                        FactDate.year(2005),
                        OrganisationId.of("hva"),
                        null,
                        SOURCE,
                        RECORDED)))
        .isInstanceOf(PartnerNotActive.class);

    List<Object> stored =
        events
            .readEvents(STBK.value())
            .asStream()
            .map(EventMessage::getPayload)
            .map(Object.class::cast)
            .toList();
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0)).isInstanceOf(PartnershipRegistered.class);
    assertThat(((PartnerJoined) stored.get(1)).organisationId())
        .isEqualTo(OrganisationId.of("hitecs"));
  }
}
