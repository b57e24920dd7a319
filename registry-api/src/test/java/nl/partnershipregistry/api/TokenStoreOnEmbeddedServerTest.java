package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.eventstore.serialization.RegistryJackson;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token store the registry wires, on the embedded server: what a processor shared by several
 * instances relies on.
 */
class TokenStoreOnEmbeddedServerTest {

  private static final String PROCESSOR = "projections";

  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoTokenStore first;
  private MongoTokenStore second;

  @BeforeEach
  void setUp() {
    server =
        new EmbeddedMongoServer(
            new RegistryProperties.Embedded(RegistryProperties.Mode.MEMORY, null, 0));
    client = MongoClients.create(server.connectionString());
    first = store("first");
    second = store("second");
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @Test
  void segments_are_initialised_once_and_listed() {
    first.initializeTokenSegments(PROCESSOR, 4);

    assertThat(first.fetchSegments(PROCESSOR)).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThatThrownBy(() -> second.initializeTokenSegments(PROCESSOR, 4))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void a_stored_token_reads_back_for_its_owner() {
    first.initializeTokenSegments(PROCESSOR, 2);

    first.storeToken(new GlobalSequenceTrackingToken(65_539), PROCESSOR, 1);

    assertThat(first.fetchToken(PROCESSOR, 1)).isEqualTo(new GlobalSequenceTrackingToken(65_539));
  }

  @Test
  void a_segment_claimed_by_one_owner_cannot_be_claimed_by_another() {
    first.initializeTokenSegments(PROCESSOR, 2);
    first.fetchToken(PROCESSOR, 0);

    assertThatThrownBy(() -> second.fetchToken(PROCESSOR, 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThatThrownBy(() -> second.extendClaim(PROCESSOR, 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThat(second.fetchToken(PROCESSOR, 1)).isNull();
  }

  @Test
  void a_released_segment_can_be_claimed_by_another_owner() {
    first.initializeTokenSegments(PROCESSOR, 2);
    first.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0);

    first.releaseClaim(PROCESSOR, 0);

    assertThat(second.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    assertThatThrownBy(() -> first.fetchToken(PROCESSOR, 0))
        .isInstanceOf(UnableToClaimTokenException.class);
  }

  @Test
  void only_available_segments_are_offered() {
    first.initializeTokenSegments(PROCESSOR, 4);
    first.fetchToken(PROCESSOR, 2);

    List<Segment> available = second.fetchAvailableSegments(PROCESSOR);

    assertThat(available).extracting(Segment::getSegmentId).containsExactlyInAnyOrder(0, 1, 3);
  }

  @Test
  void concurrent_claims_of_one_segment_have_one_winner() throws Exception {
    first.initializeTokenSegments(PROCESSOR, 1);
    List<MongoTokenStore> owners = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      owners.add(store("owner-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> claims = new ArrayList<>();
    for (MongoTokenStore owner : owners) {
      Callable<Boolean> claim =
          () -> {
            try {
              owner.fetchToken(PROCESSOR, 0);
              return true;
            } catch (UnableToClaimTokenException e) {
              return false;
            }
          };
      claims.add(pool.submit(claim));
    }
    int winners = 0;
    for (Future<Boolean> claim : claims) {
      winners += claim.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(winners).isEqualTo(1);
  }

  private MongoTokenStore store(String owner) {
    return MongoTokenStore.builder()
        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "registry").build())
        .serializer(JacksonSerializer.builder().objectMapper(RegistryJackson.eventMapper()).build())
        .nodeId(owner)
        .claimTimeout(Duration.ofSeconds(10))
        .build();
  }
}
