package nl.partnershipregistry.projections.views;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The read models of the {@value #PROCESSING_GROUP} processing group, in one MongoDB database: the
 * partnerships' events, the organisations' events and the partnership summaries.
 */
public final class ReadModels {

  /** The processing group whose processor feeds these read models. */
  public static final String PROCESSING_GROUP = "partnership-views";

  /**
   * The batch size recommended for that processor: its events are written together per batch (see
   * {@link PartnershipViewsProjection}), so a rebuild goes several times faster than one by one.
   */
  public static final int BATCH_SIZE = 100;

  public static final String PARTNERSHIP_EVENTS = "view_partnership_events";
  public static final String ORGANISATION_EVENTS = "view_organisation_events";
  public static final String PARTNERSHIP_SUMMARIES = "view_partnership_summaries";

  /**
   * The highest position whose batch was written whole: set after every other write of a batch, so
   * that a question waiting for a position never sees part of its batch.
   */
  public static final String POSITIONS = "view_positions";

  private static final String LAST_APPLIED = "lastApplied";

  /**
   * The format of the read models' documents: 3 since the summaries keep only a partnership's
   * recordings ({@link PartnershipSummaries}); 2 since the events are kept in chunks ({@link
   * EventStreams}); 1, or no mark, before. Kept in {@link #POSITIONS} under {@code _id: "format"}.
   */
  public static final int FORMAT = 3;

  private static final String FORMAT_ID = "format";

  /**
   * A rebuild begun and not yet ended ({@link ReadModelRebuild}), under {@code _id: "rebuild"},
   * with the position it fills the read models to.
   */
  private static final String REBUILD_ID = "rebuild";

  private static final String UP_TO = "upTo";

  /** How many batches were marked: with {@code lastApplied}, what tells one state from another. */
  private static final String BATCHES = "batches";

  /** Every partnership's recordings as read last, and the mark of the read models then. */
  private record SummariesRead(List<Object> mark, AllRecordings byPartnership) {

    /**
     * What is kept, with a batch's recordings merged, under the mark that batch set: only when that
     * batch is the one marked right after what is kept (its count of batches one higher), so that
     * no batch written by another processor or instance can be missing from it.
     */
    SummariesRead after(List<Object> marked, Map<String, PartnershipSummaries.Recordings> batch) {
      if (!isNextMark(marked, mark)) {
        return this;
      }
      return new SummariesRead(marked, byPartnership.with(batch));
    }
  }

  private final EventStreams<PartnershipEvent> partnerships;
  private final EventStreams<OrganisationFact> organisations;
  private final PartnershipSummaries summaries;
  private final Serializer serializer;
  private final MongoCollection<Document> positions;
  private final AtomicReference<SummariesRead> summariesRead = new AtomicReference<>();

  /**
   * Held to read the mark with what is kept under it, and to move the mark with what is kept: a
   * question that read the mark a batch had just moved, before the batch's recordings were merged
   * into what is kept, would take what is kept for stale and read every partnership's recordings
   * (or every organisation) again, and the answers kept under them would be made again.
   */
  private final ReadWriteLock marking = new ReentrantReadWriteLock();

  /**
   * Every organisation's events as read last, by organisation id, and the mark of the read models
   * then.
   */
  private record OrganisationsRead(
      List<Object> mark, Map<String, List<StoredEvent<OrganisationFact>>> byId) {}

  private final AtomicReference<OrganisationsRead> organisationsRead = new AtomicReference<>();

  public ReadModels(MongoDatabase database, Serializer serializer) {
    this.partnerships =
        new EventStreams<>(database, PARTNERSHIP_EVENTS, serializer, PartnershipEvent.class);
    this.organisations =
        new EventStreams<>(database, ORGANISATION_EVENTS, serializer, OrganisationFact.class);
    this.summaries = new PartnershipSummaries(database);
    this.serializer = serializer;
    this.positions = database.getCollection(POSITIONS);
  }

  public EventStreams<PartnershipEvent> partnerships() {
    return partnerships;
  }

  public EventStreams<OrganisationFact> organisations() {
    return organisations;
  }

  public PartnershipSummaries summaries() {
    return summaries;
  }

  /** The serializer the events are written with. */
  Serializer serializer() {
    return serializer;
  }

  /**
   * Brings read models written in an earlier format to {@link #FORMAT}, in place, before the
   * processor writes to them: each partnership's and organisation's events, kept in one document,
   * are rewritten as chunks ({@link EventStreams}) (format 1), and the summaries are written anew
   * from the partnerships' events (format 2). Nothing is lost, so no rebuild is needed: a data
   * folder written by an earlier version answers the same. Done once; the format is then marked.
   *
   * @return how many streams and summaries were rewritten
   */
  public int upgrade() {
    Document marked = positions.find(Filters.eq("_id", FORMAT_ID)).first();
    int version = marked == null ? 1 : marked.get("version", Number.class).intValue();
    if (version >= FORMAT) {
      return 0;
    }
    int rewritten = version < 2 ? partnerships.upgrade() + organisations.upgrade() : 0;
    rewritten += rewriteSummaries();
    positions.updateOne(
        Filters.eq("_id", FORMAT_ID),
        Updates.set("version", FORMAT),
        new UpdateOptions().upsert(true));
    return rewritten;
  }

  /** The summaries written anew from every partnership's events, for {@link #upgrade()}. */
  private int rewriteSummaries() {
    summaries.clear();
    Map<String, PartnershipSummaries.Recordings> written = new LinkedHashMap<>();
    partnerships.forEach(
        stream -> {
          String id = stream.get(0).event().partnershipId().value();
          for (StoredEvent<PartnershipEvent> event : stream) {
            written.merge(
                id,
                PartnershipSummaries.Recordings.of(id, event),
                PartnershipSummaries.Recordings::and);
          }
          if (written.size() >= BATCH_SIZE) {
            summaries.putAll(written);
            written.clear();
          }
        });
    summaries.putAll(written);
    return (int) summaries.count();
  }

  /**
   * Every partnership's recordings, by partnership id (unmodifiable). The registry list and every
   * question across partnerships read all of them, so what was read is kept with the mark of the
   * read models at the time ({@code lastApplied} and the number of batches marked, which any batch
   * of any segment changes) and read again only once the mark has moved. The mark is read before
   * the scan: recordings of a batch not yet marked may be in what is kept, never missing from it
   * once the batch is marked. Read models without a mark are read every time. A batch of this
   * process marked next is merged into what is kept ({@link #markApplied}), which then tells which
   * partnerships it wrote ({@link AllRecordings#changedSince}).
   */
  public AllRecordings allRecordings() {
    Marked<SummariesRead> marked = markWith(summariesRead);
    Optional<List<Object>> mark = marked.mark();
    SummariesRead known = marked.kept();
    if (mark.isPresent() && known != null && known.mark().equals(mark.get())) {
      return known.byPartnership();
    }
    Map<String, PartnershipSummaries.Recordings> read = new LinkedHashMap<>();
    summaries.forEach(r -> read.put(r.partnershipId(), r));
    AllRecordings byPartnership = AllRecordings.read(read);
    mark.ifPresent(m -> summariesRead.set(new SummariesRead(m, byPartnership)));
    return byPartnership;
  }

  /**
   * Every organisation's events, each stream in position order (unmodifiable). The questions across
   * partnerships read all of them (names to search, groups to count employers by), and they change
   * far less often than the partnerships: what was read is kept with the read models' mark, and the
   * mark it holds for is moved on by every batch of this process that writes no organisation's
   * event ({@link #markApplied}); after any other change it is read again.
   */
  public Collection<List<StoredEvent<OrganisationFact>>> allOrganisationStreams() {
    return organisationsRead().byId().values();
  }

  /**
   * Every organisation's events by its id, kept as {@link #allOrganisationStreams} are: the
   * questions about one partnership find its partners' groups and successors here rather than
   * reading their events again at every question.
   */
  public Map<String, List<StoredEvent<OrganisationFact>>> allOrganisationStreamsById() {
    return organisationsRead().byId();
  }

  private OrganisationsRead organisationsRead() {
    Marked<OrganisationsRead> marked = markWith(organisationsRead);
    Optional<List<Object>> mark = marked.mark();
    OrganisationsRead known = marked.kept();
    if (mark.isPresent() && known != null && known.mark().equals(mark.get())) {
      return known;
    }
    Map<String, List<StoredEvent<OrganisationFact>>> read = new LinkedHashMap<>();
    organisations.forEach(
        stream -> {
          if (!stream.isEmpty()) {
            read.put(stream.get(0).event().organisationId().value(), List.copyOf(stream));
          }
        });
    OrganisationsRead now =
        new OrganisationsRead(mark.orElse(List.of()), Collections.unmodifiableMap(read));
    mark.ifPresent(m -> organisationsRead.set(now));
    return now;
  }

  /** The read models' mark and what {@code kept} holds, read together ({@link #marking}). */
  private record Marked<T>(Optional<List<Object>> mark, T kept) {}

  private <T> Marked<T> markWith(AtomicReference<T> kept) {
    marking.readLock().lock();
    try {
      return new Marked<>(mark(), kept.get());
    } finally {
      marking.readLock().unlock();
    }
  }

  private Optional<List<Object>> mark() {
    return Optional.ofNullable(positions.find(Filters.eq("_id", PROCESSING_GROUP)).first())
        .map(ReadModels::mark);
  }

  /**
   * Whether {@code marked} is the mark of the one batch marked right after {@code kept}: its count
   * of batches one higher, so that no batch of another processor or instance came between.
   */
  private static boolean isNextMark(List<Object> marked, List<Object> kept) {
    return (long) marked.get(1) == (long) kept.get(1) + 1;
  }

  private static List<Object> mark(Document marked) {
    Number batches = marked.get(BATCHES, Number.class);
    return List.of(
        marked.get(LAST_APPLIED, Number.class).longValue(),
        batches == null ? -1L : batches.longValue());
  }

  /**
   * The position of the last batch written whole, if one was marked: every event at or below it is
   * in the read models (a batch is marked after all its other writes).
   */
  OptionalLong marked() {
    Document marked = positions.find(Filters.eq("_id", PROCESSING_GROUP)).first();
    return marked == null
        ? OptionalLong.empty()
        : OptionalLong.of(marked.get(LAST_APPLIED, Number.class).longValue());
  }

  /**
   * The highest global position applied to any partnership or organisation, if any: the position of
   * the last batch written whole, or, for read models written before batches were marked, the
   * highest position in them.
   */
  public OptionalLong lastApplied() {
    OptionalLong marked = marked();
    if (marked.isPresent()) {
      return marked;
    }
    OptionalLong partnership = partnerships.highestApplied();
    OptionalLong organisation = organisations.highestApplied();
    if (partnership.isEmpty()) {
      return organisation;
    }
    if (organisation.isEmpty()) {
      return partnership;
    }
    return OptionalLong.of(Math.max(partnership.getAsLong(), organisation.getAsLong()));
  }

  /**
   * Marks a batch up to {@code position} as written whole (never moving the mark back) and counts
   * it, so that what was read before it is known to be older ({@link #allRecordings()}). The
   * batch's recordings ({@code written}) are merged into what this instance keeps of every
   * partnership's recordings when the batch is the next one marked after it, so that the questions
   * across partnerships need not read them all again after each write of this process.
   */
  void markApplied(
      long position,
      Map<String, PartnershipSummaries.Recordings> written,
      boolean organisationsWritten) {
    marking.writeLock().lock();
    try {
      markAppliedLocked(position, written, organisationsWritten);
    } finally {
      marking.writeLock().unlock();
    }
  }

  private void markAppliedLocked(
      long position,
      Map<String, PartnershipSummaries.Recordings> written,
      boolean organisationsWritten) {
    Document marked =
        positions.findOneAndUpdate(
            Filters.eq("_id", PROCESSING_GROUP),
            Updates.combine(Updates.max(LAST_APPLIED, position), Updates.inc(BATCHES, 1L)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    if (marked != null) {
      List<Object> mark = mark(marked);
      summariesRead.updateAndGet(known -> known == null ? null : known.after(mark, written));
      organisationsRead.updateAndGet(
          known -> {
            if (known == null || organisationsWritten) {
              return null;
            }
            return isNextMark(mark, known.mark())
                ? new OrganisationsRead(mark, known.byId())
                : known;
          });
    } else if (organisationsWritten) {
      organisationsRead.set(null);
    }
  }

  /**
   * Empties one of the read models' collections: a drop rather than a delete of every document,
   * quick however many there are; only a collection that holds documents, since the embedded server
   * logs the drop of one it does not know as an error.
   */
  static void empty(MongoCollection<Document> collection) {
    if (collection.estimatedDocumentCount() > 0) {
      collection.drop();
    }
  }

  /** Records a rebuild up to {@code upTo} as begun, before it empties the read models. */
  void beginRebuild(long upTo) {
    positions.updateOne(
        Filters.eq("_id", REBUILD_ID), Updates.set(UP_TO, upTo), new UpdateOptions().upsert(true));
  }

  /** The position a rebuild begun and not ended fills the read models to, if there is one. */
  OptionalLong rebuildBegun() {
    Document begun = positions.find(Filters.eq("_id", REBUILD_ID)).first();
    return begun == null
        ? OptionalLong.empty()
        : OptionalLong.of(begun.get(UP_TO, Number.class).longValue());
  }

  /** Records the rebuild as ended: the read models and the processor's tokens are where it left. */
  void endRebuild() {
    positions.deleteOne(Filters.eq("_id", REBUILD_ID));
  }

  /**
   * Marks the read models as holding every event up to {@code position}, written by a rebuild in
   * several batches, and forgets what this instance kept of the organisations.
   */
  void markFilled(long position) {
    markApplied(position, Map.of(), true);
  }

  /**
   * Empties every read model, so that a processor reset rebuilds them from the first event. The
   * mark goes to -1 first and stays: read models with no mark at all are taken to be of a format
   * before batches were marked, whose position is the highest of any stream, and a stream written
   * early in the replay would then pass for the whole of it.
   */
  public void clear() {
    marking.writeLock().lock();
    try {
      positions.updateOne(
          Filters.eq("_id", PROCESSING_GROUP),
          Updates.combine(Updates.set(LAST_APPLIED, -1L), Updates.inc(BATCHES, 1L)),
          new UpdateOptions().upsert(true));
    } finally {
      marking.writeLock().unlock();
    }
    summariesRead.set(null);
    organisationsRead.set(null);
    partnerships.clear();
    organisations.clear();
    summaries.clear();
  }
}
