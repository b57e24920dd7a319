package nl.partnershipregistry.projections.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;

/**
 * The writes of several events, held until {@link #flush()}: per partnership its recordings ({@link
 * PartnershipSummaries}) and its events, per organisation its events, each in delivery order. A
 * flush writes the summaries first, then the organisations' and the partnerships' events, each
 * touched document once ({@link PartnershipSummaries#putAll}, {@link EventStreams#write}), so that
 * the read models end as if the events had been applied one by one: an event at or below its
 * document's {@code lastApplied} changes nothing. Organisations go before partnerships, since a
 * partnership's answers read its partners' organisations and a question about a partnership waits
 * for the partnership's own {@code lastApplied}; last, the batch's highest position is marked
 * ({@link ReadModels#lastApplied()}), for questions that wait for the read models as a whole.
 */
final class ReadModelBatch {

  private final ReadModels readModels;
  private final Filling filling;
  private Map<String, PartnershipSummaries.Recordings> summaries = new LinkedHashMap<>();
  private Map<String, List<EventStreams.Written>> partnerships = new LinkedHashMap<>();
  private Map<String, List<EventStreams.Written>> organisations = new LinkedHashMap<>();
  private long highest = -1;
  private int held;

  ReadModelBatch(ReadModels readModels) {
    this(readModels, null);
  }

  /**
   * A batch of the one writer that fills emptied read models ({@link ReadModelRebuild}), which
   * hands the same {@code filling} to each of its batches in turn; {@code null}: any other writer.
   */
  ReadModelBatch(ReadModels readModels, Filling filling) {
    this.readModels = readModels;
    this.filling = filling;
  }

  /** What the one writer of emptied read models knows of the streams it wrote. */
  static final class Filling {
    private final EventStreams.Filling partnerships = new EventStreams.Filling();
    private final EventStreams.Filling organisations = new EventStreams.Filling();
  }

  void add(long position, PartnershipEvent event) {
    EventText.Filing filing = EventText.Filing.of(event);
    addPartnershipEvent(
        position,
        filing.id(),
        filing.recordedAt(),
        readModels.serializer().serialize(event, String.class));
  }

  void add(long position, OrganisationFact fact) {
    EventText.Filing filing = EventText.Filing.of(fact);
    addOrganisationFact(
        position,
        filing.id(),
        filing.recordedAt(),
        readModels.serializer().serialize(fact, String.class));
  }

  /**
   * A partnership's event or an organisation's fact as delivered, kept as the text the store holds
   * (when the store's serializer is the read models' one, without binding it) and filed by the two
   * fields read from that text ({@link EventText}), or by the event bound whole when the text does
   * not give them; anything else is left out.
   */
  void add(EventMessage<?> message, long position) {
    Class<?> type = message.getPayloadType();
    boolean partnership = PartnershipEvent.class.isAssignableFrom(type);
    if (!partnership && !OrganisationFact.class.isAssignableFrom(type)) {
      return;
    }
    SerializedObject<String> text = message.serializePayload(readModels.serializer(), String.class);
    EventText.Filing filing =
        EventText.filing(text.getData(), partnership ? "partnershipId" : "organisationId")
            .orElseGet(() -> bound(message.getPayload()));
    if (partnership) {
      addPartnershipEvent(position, filing.id(), filing.recordedAt(), text);
    } else {
      addOrganisationFact(position, filing.id(), filing.recordedAt(), text);
    }
  }

  private static EventText.Filing bound(Object payload) {
    return payload instanceof PartnershipEvent event
        ? EventText.Filing.of(event)
        : EventText.Filing.of((OrganisationFact) payload);
  }

  /** A partnership's event, given as its text and the fields it is filed under. */
  void addPartnershipEvent(
      long position, String partnershipId, Instant recordedAt, SerializedObject<String> text) {
    highest = Math.max(highest, position);
    summaries.merge(
        partnershipId,
        PartnershipSummaries.Recordings.of(partnershipId, recordedAt, position),
        PartnershipSummaries.Recordings::and);
    partnerships
        .computeIfAbsent(partnershipId, k -> new ArrayList<>())
        .add(new EventStreams.Written(position, recordedAt, text));
    held++;
  }

  /** An organisation's fact, given as its text and the fields it is filed under. */
  void addOrganisationFact(
      long position, String organisationId, Instant recordedAt, SerializedObject<String> text) {
    highest = Math.max(highest, position);
    organisations
        .computeIfAbsent(organisationId, k -> new ArrayList<>())
        .add(new EventStreams.Written(position, recordedAt, text));
    held++;
  }

  boolean isEmpty() {
    return partnerships.isEmpty() && organisations.isEmpty();
  }

  /** How many events are held. */
  int size() {
    return held;
  }

  /**
   * Writes what is held, then forgets it. When a write fails, what is held stays: a processor's
   * retry delivers the batch again, and an event held twice is written once (each stream's writes
   * leave out an event at or below the position applied before it), so a batch held over from
   * earlier processor batches ({@link PartnershipViewsProjection}) is not lost with the write.
   */
  void flush() {
    // The summaries first: setting them again is harmless, and the events' own writes are what
    // mark the events as applied.
    writeSummariesAndOrganisations();
    readModels.partnerships().write(partnerships, partnershipsFilling());
    markAndForget();
  }

  /**
   * Writes what is held as {@link #flush()} does, by the one writer of emptied read models ({@link
   * ReadModelRebuild}): the partnerships' events in pieces of about {@code piece} events each (a
   * partnership's events all in one), handed to {@code writers} with the write of the summaries and
   * the organisations, which may run side by side, since nothing reads the read models while they
   * are filled. The batch is marked once every piece is written.
   *
   * @return done when the batch is written and marked; failed with the first write's failure
   */
  CompletableFuture<Void> flush(Executor writers, int piece) {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    writes.add(CompletableFuture.runAsync(this::writeSummariesAndOrganisations, writers));
    Map<String, List<EventStreams.Written>> part = new LinkedHashMap<>();
    int inPart = 0;
    for (Map.Entry<String, List<EventStreams.Written>> stream : partnerships.entrySet()) {
      part.put(stream.getKey(), stream.getValue());
      inPart += stream.getValue().size();
      if (inPart >= piece) {
        writes.add(writePartnerships(part, writers));
        part = new LinkedHashMap<>();
        inPart = 0;
      }
    }
    if (!part.isEmpty()) {
      writes.add(writePartnerships(part, writers));
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
        .thenRun(this::markAndForget);
  }

  private CompletableFuture<Void> writePartnerships(
      Map<String, List<EventStreams.Written>> part, Executor writers) {
    return CompletableFuture.runAsync(
        () -> readModels.partnerships().write(part, partnershipsFilling()), writers);
  }

  private void writeSummariesAndOrganisations() {
    readModels.summaries().putAll(summaries);
    readModels.organisations().write(organisations, filling == null ? null : filling.organisations);
  }

  private EventStreams.Filling partnershipsFilling() {
    return filling == null ? null : filling.partnerships;
  }

  private void markAndForget() {
    if (highest >= 0) {
      readModels.markApplied(highest, summaries, !organisations.isEmpty());
    }
    summaries = new LinkedHashMap<>();
    partnerships = new LinkedHashMap<>();
    organisations = new LinkedHashMap<>();
    highest = -1;
    held = 0;
  }
}
