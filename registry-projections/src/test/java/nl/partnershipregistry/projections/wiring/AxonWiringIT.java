package nl.partnershipregistry.projections.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.PartnershipQueries;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import nl.partnershipregistry.projections.query.RegistryQueries;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.ReadSideProcessor;
import nl.partnershipregistry.projections.testing.Story;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event handler in a tracking processor of its processing group and the query handlers on the
 * query bus, in an Axon configuration without Spring: events published to the event store reach the
 * read models with their global positions, queries are answered through the gateway, and a reset of
 * the processor rebuilds the same answers.
 */
class AxonWiringIT {

  private MongoServer server;
  private MongoClient client;
  private Configuration axon;
  private QueryGateway queries;
  private final Story stbk = new Story("stbk");

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    MongoDatabase database = client.getDatabase("registry");
    Serializer serializer =
        JacksonSerializer.builder().objectMapper(ReadModelFixture.mapper()).build();
    Clock clock = Clock.fixed(ReadModelFixture.NOW, java.time.ZoneOffset.UTC);
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureSerializer(c -> serializer)
            .eventProcessing(
                processing ->
                    ReadSideProcessor.tracking(processing, ReadModels.BATCH_SIZE)
                        .registerEventHandler(
                            c -> new PartnershipViewsProjection(database, serializer)))
            .registerQueryHandler(
                c -> new PartnershipQueries(database, serializer, clock, 1L << 16))
            .registerQueryHandler(c -> new RegistryQueries(database, serializer, clock))
            .start();
    queries = axon.queryGateway();
    stbk.registered("2001", "STBK", PartnershipKind.DUAL_TRAJECTORY);
    stbk.joined("2001", "hitecs", PartnerRole.CORE);
    stbk.phase("2003", Phase.STRUCTURAL);
    stbk.discontinued("2008", DiscontinuationReason.ECONOMIC_DOWNTURN);
  }

  @AfterEach
  void stop() {
    axon.shutdown();
    client.close();
    server.shutdownNow();
  }

  private void publish(List<PartnershipEvent> events) {
    EventMessage<?>[] messages = new EventMessage<?>[events.size()];
    for (int i = 0; i < events.size(); i++) {
      messages[i] =
          new GenericDomainEventMessage<>(
              "Partnership", events.get(i).partnershipId().value(), i, events.get(i));
    }
    axon.eventStore().publish(messages);
  }

  private ProjectionPosition position() throws Exception {
    return queries
        .query(FindProjectionPosition.overall(), ResponseTypes.instanceOf(ProjectionPosition.class))
        .get(5, TimeUnit.SECONDS);
  }

  private void awaitPosition(long position) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!position().hasApplied(position)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the processor did not reach " + position + ": " + position());
      }
      Thread.sleep(50);
    }
  }

  private Optional<PartnershipState> stateIn2005() throws Exception {
    return queries
        .query(
            new FindPartnershipState(stbk.id(), LocalDate.parse("2005-01-01"), null),
            ResponseTypes.optionalInstanceOf(PartnershipState.class))
        .get(5, TimeUnit.SECONDS);
  }

  @Test
  void events_published_to_the_store_are_answered_through_the_query_gateway() throws Exception {
    publish(stbk.events());
    awaitPosition(stbk.events().size() - 1);

    assertThat(stateIn2005()).get().extracting(PartnershipState::phase).isEqualTo(Phase.STRUCTURAL);
    PartnershipPage page =
        queries
            .query(FindPartnerships.all(), ResponseTypes.instanceOf(PartnershipPage.class))
            .get(5, TimeUnit.SECONDS);
    assertThat(page.items()).extracting(PartnershipPage.Listing::name).containsExactly("STBK");
  }

  @Test
  void an_organisation_fact_reaches_the_organisations_read_model() throws Exception {
    OrganisationFact hitecs = Story.employer("hitecs", "HiTecs");
    axon.eventStore().publish(new GenericDomainEventMessage<>("Organisation", "hitecs", 0, hitecs));
    publish(stbk.events());
    awaitPosition(stbk.events().size());

    assertThat(stateIn2005().orElseThrow().partners().get(0).name()).isEqualTo("HiTecs");
  }

  @Test
  void a_reset_of_the_processor_rebuilds_the_same_answers() throws Exception {
    publish(stbk.events());
    awaitPosition(stbk.events().size() - 1);
    Optional<PartnershipState> before = stateIn2005();

    TrackingEventProcessor processor =
        axon.eventProcessingConfiguration()
            .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
            .orElseThrow();
    processor.shutDown();
    processor.resetTokens();
    assertThat(position().lastApplied()).isEqualTo(-1);
    processor.start();
    awaitPosition(stbk.events().size() - 1);

    assertThat(stateIn2005()).isEqualTo(before);
  }
}
