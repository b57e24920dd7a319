package nl.partnershipregistry.projections.testing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.PartnershipQueries;
import nl.partnershipregistry.projections.query.RegistryQueries;
import nl.partnershipregistry.projections.views.PartnershipViewsProjection;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The read models on the embedded server's in-memory backend (or on a real MongoDB), reached over
 * TCP by the real driver, with the event handler and the query handlers wired as the application
 * wires them. Events are fed with consecutive global positions.
 */
public final class ReadModelFixture implements AutoCloseable {

  /** "Now" for the query handlers: later than every recording in the tests. */
  public static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  private final MongoServer server;
  private final MongoClient client;
  private final MongoDatabase database;
  private final Serializer serializer;
  private final ReadModels shared;
  private final PartnershipViewsProjection projection;
  private final PartnershipQueries partnershipQueries;
  private final RegistryQueries registryQueries;
  private final List<Delivery> delivered = new ArrayList<>();

  /** Global positions per commit, as the event store numbers them. */
  public static final long EVENTS_PER_COMMIT = 65_536;

  private long nextPosition = EVENTS_PER_COMMIT;

  private ReadModelFixture(MongoServer server, String connectionString) {
    this.server = server;
    client = MongoClients.create(connectionString);
    database = client.getDatabase("registry-" + UUID.randomUUID().toString().substring(0, 8));
    serializer = JacksonSerializer.builder().objectMapper(mapper()).build();
    // As the application wires them: the projection and the questions across partnerships share
    // one instance of the read models, which follows this process's writes.
    shared = new ReadModels(database, serializer);
    projection = new PartnershipViewsProjection(shared);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    partnershipQueries = new PartnershipQueries(database, serializer, clock, EVENTS_PER_COMMIT);
    registryQueries = new RegistryQueries(shared, clock);
  }

  /** The read models the projection writes and the questions across partnerships read. */
  public ReadModels sharedReadModels() {
    return shared;
  }

  /** On the embedded server's in-memory backend. */
  public static ReadModelFixture embedded() {
    MongoServer server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    return new ReadModelFixture(
        server, "mongodb://" + address.getHostString() + ":" + address.getPort());
  }

  /** On a MongoDB reached at {@code connectionString}, in a database of its own. */
  public static ReadModelFixture at(String connectionString) {
    return new ReadModelFixture(null, connectionString);
  }

  /**
   * JSON like the application's: records, java.time as text, events named by type, a partnership's
   * and an organisation's identifier as plain text (the fields the read models file events under).
   */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addMixIn(PartnershipEvent.class, Typed.class)
        .addMixIn(OrganisationFact.class, Typed.class)
        .addMixIn(PartnershipId.class, TextIdentifier.class)
        .addMixIn(OrganisationId.class, TextIdentifier.class)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "type")
  private interface Typed {}

  private abstract static class TextIdentifier {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    TextIdentifier(String value) {}

    @JsonValue
    abstract String value();
  }

  /** Delivers partnership events and organisation facts at the next global positions. */
  public ReadModelFixture feed(Object... events) {
    for (Object event : events) {
      deliver(event, nextPosition++);
    }
    return this;
  }

  /** Delivers an event at a given position, as a processor does after a restart. */
  public void deliver(Object event, long position) {
    if (delivered.stream().noneMatch(d -> d.position() == position)) {
      delivered.add(new Delivery(event, position));
    }
    apply(event, position);
  }

  /** Every event delivered so far, again, in the same order and at the same positions. */
  public void deliverAllAgain() {
    for (Delivery delivery : List.copyOf(delivered)) {
      apply(delivery.event(), delivery.position());
    }
  }

  /**
   * Every event delivered so far, again, in the same order and at the same positions, in batches of
   * {@code size} as a streaming processor delivers them: each batch in one {@link
   * BatchingUnitOfWork}, committed at its end.
   */
  public void deliverAllAgainInBatches(int size) {
    List<Delivery> all = List.copyOf(delivered);
    for (int from = 0; from < all.size(); from += size) {
      deliverInOneBatch(all.subList(from, Math.min(all.size(), from + size)));
    }
  }

  /** Events at the given positions in one processor batch. */
  public void deliverInOneBatch(List<Object> events, List<Long> positions) {
    List<Delivery> batch = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      long position = positions.get(i);
      if (delivered.stream().noneMatch(d -> d.position() == position)) {
        delivered.add(new Delivery(events.get(i), position));
      }
      batch.add(new Delivery(events.get(i), position));
    }
    deliverInOneBatch(batch);
  }

  private void deliverInOneBatch(List<Delivery> batch) {
    List<EventMessage<?>> messages = new ArrayList<>();
    Map<EventMessage<?>, Delivery> deliveries = new IdentityHashMap<>();
    for (Delivery delivery : batch) {
      EventMessage<?> message = GenericEventMessage.asEventMessage(delivery.event());
      messages.add(message);
      deliveries.put(message, delivery);
    }
    BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
    try {
      unitOfWork.executeWithResult(
          () -> {
            Delivery delivery = deliveries.get(unitOfWork.getMessage());
            apply(delivery.event(), delivery.position());
            return null;
          });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Delivery(Object event, long position) {}

  private void apply(Object event, long position) {
    GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position);
    EventMessage<?> message = GenericEventMessage.asEventMessage(event);
    if (event instanceof PartnershipEvent) {
      projection.onPartnershipEvent(message, token);
    } else {
      projection.onOrganisationFact(message, token);
    }
  }

  public long lastPosition() {
    return nextPosition - 1;
  }

  public PartnershipViewsProjection projection() {
    return projection;
  }

  public PartnershipQueries partnerships() {
    return partnershipQueries;
  }

  public RegistryQueries registry() {
    return registryQueries;
  }

  public MongoDatabase database() {
    return database;
  }

  public Serializer serializer() {
    return serializer;
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.shutdownNow();
    }
  }
}
