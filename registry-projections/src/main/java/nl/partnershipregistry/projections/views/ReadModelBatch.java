package nl.partnershipregistry.projections.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;

/**
 * The writes of several events, held until {@link #flush()}: per partnership its summary facts and
 * its events, per organisation its events, each in delivery order. A flush writes the summaries
 * first, then the organisations' and the partnerships' events, each touched document once ({@link
 * PartnershipSummaries#putAll}, {@link EventStreams#appendAll}), so that the read models end as if
 * the events had been applied one by one: an event at or below its document's {@code lastApplied}
 * changes nothing. Organisations go before partnerships, since a partnership's answers read its
 * partners' organisations and a question about a partnership waits for the partnership's own {@code
 * lastApplied}; last, the batch's highest position is marked ({@link ReadModels#lastApplied()}),
 * for questions that wait for the read models as a whole.
 */
final class ReadModelBatch {

  private final ReadModels readModels;

  /** The heads of the streams written, for a rebuild that knows them all; null otherwise. */
  private final Map<String, EventStreams.Head> partnershipHeads;

  private final Map<String, EventStreams.Head> organisationHeads;
  private Map<String, List<SummaryFact>> summaries = new LinkedHashMap<>();
  private Map<String, List<StoredEvent<PartnershipEvent>>> partnerships = new LinkedHashMap<>();
  private Map<String, List<StoredEvent<OrganisationFact>>> organisations = new LinkedHashMap<>();
  private long highest = -1;
  private int size;

  ReadModelBatch(ReadModels readModels) {
    this(readModels, false);
  }

  /**
   * With {@code knowsHeads}, the batch is the only writer of read models it saw emptied, flushed
   * again and again: it keeps the heads of the streams it wrote and reads none ({@link
   * EventStreams#appendAll(Map, Map)}).
   */
  ReadModelBatch(ReadModels readModels, boolean knowsHeads) {
    this(readModels, knowsHeads ? new HashMap<>() : null, knowsHeads ? new HashMap<>() : null);
  }

  private ReadModelBatch(
      ReadModels readModels,
      Map<String, EventStreams.Head> partnershipHeads,
      Map<String, EventStreams.Head> organisationHeads) {
    this.readModels = readModels;
    this.partnershipHeads = partnershipHeads;
    this.organisationHeads = organisationHeads;
  }

  /**
   * The events held, in a batch of its own that knows the same heads, to be flushed (by one thread
   * at a time, in the order taken) while this one holds the next events; the summary facts stay in
   * this one, so that each partnership's are written once, by its last flush.
   */
  ReadModelBatch take() {
    ReadModelBatch taken = new ReadModelBatch(readModels, partnershipHeads, organisationHeads);
    // The summary facts stay, to be written once per partnership when this batch is flushed.
    taken.partnerships = partnerships;
    taken.organisations = organisations;
    taken.highest = highest;
    taken.size = size;
    partnerships = new LinkedHashMap<>();
    organisations = new LinkedHashMap<>();
    highest = -1;
    size = 0;
    return taken;
  }

  int size() {
    return size;
  }

  void add(long position, PartnershipEvent event) {
    highest = Math.max(highest, position);
    size++;
    String id = event.partnershipId().value();
    SummaryFact.of(position, event)
        .ifPresent(fact -> summaries.computeIfAbsent(id, k -> new ArrayList<>()).add(fact));
    Instant at = event.recorded().at();
    partnerships
        .computeIfAbsent(id, k -> new ArrayList<>())
        .add(new StoredEvent<>(position, at, event));
  }

  void add(long position, OrganisationFact fact) {
    highest = Math.max(highest, position);
    size++;
    organisations
        .computeIfAbsent(fact.organisationId().value(), k -> new ArrayList<>())
        .add(new StoredEvent<>(position, fact.recorded().at(), fact));
  }

  boolean isEmpty() {
    return partnerships.isEmpty() && organisations.isEmpty();
  }

  /**
   * Writes what is held and forgets it, also when a write fails: the events are then delivered
   * again (a processor's retry of the batch), or not at all, as one by one.
   */
  void flush() {
    Map<String, List<SummaryFact>> summaryWrites = summaries;
    Map<String, List<StoredEvent<PartnershipEvent>>> partnershipWrites = partnerships;
    Map<String, List<StoredEvent<OrganisationFact>>> organisationWrites = organisations;
    long written = highest;
    summaries = new LinkedHashMap<>();
    partnerships = new LinkedHashMap<>();
    organisations = new LinkedHashMap<>();
    highest = -1;
    size = 0;
    // The summaries first: setting them again is harmless, and the events' own writes are what
    // mark the events as applied.
    readModels.summaries().putAll(summaryWrites);
    if (partnershipHeads == null) {
      readModels.organisations().appendAll(organisationWrites);
      readModels.partnerships().appendAll(partnershipWrites);
    } else {
      readModels.organisations().appendAll(organisationWrites, organisationHeads);
      readModels.partnerships().appendAll(partnershipWrites, partnershipHeads);
    }
    if (written >= 0) {
      readModels.markApplied(written);
    }
  }
}
