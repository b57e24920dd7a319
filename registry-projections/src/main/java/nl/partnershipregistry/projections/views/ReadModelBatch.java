package nl.partnershipregistry.projections.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;

/**
 * The writes of several events, held until {@link #flush()}: per partnership its recordings ({@link
 * PartnershipSummaries}) and its events, per organisation its events, each in delivery order. A
 * flush writes the summaries first, then the organisations' and the partnerships' events, each
 * touched document once ({@link PartnershipSummaries#putAll}, {@link EventStreams#appendAll}), so
 * that the read models end as if the events had been applied one by one: an event at or below its
 * document's {@code lastApplied} changes nothing. Organisations go before partnerships, since a
 * partnership's answers read its partners' organisations and a question about a partnership waits
 * for the partnership's own {@code lastApplied}; last, the batch's highest position is marked
 * ({@link ReadModels#lastApplied()}), for questions that wait for the read models as a whole.
 */
final class ReadModelBatch {

  private final ReadModels readModels;
  private Map<String, PartnershipSummaries.Recordings> summaries = new LinkedHashMap<>();
  private Map<String, List<StoredEvent<PartnershipEvent>>> partnerships = new LinkedHashMap<>();
  private Map<String, List<StoredEvent<OrganisationFact>>> organisations = new LinkedHashMap<>();
  private long highest = -1;

  ReadModelBatch(ReadModels readModels) {
    this.readModels = readModels;
  }

  void add(long position, PartnershipEvent event) {
    highest = Math.max(highest, position);
    String id = event.partnershipId().value();
    Instant at = event.recorded().at();
    StoredEvent<PartnershipEvent> stored = new StoredEvent<>(position, at, event);
    summaries.merge(
        id, PartnershipSummaries.Recordings.of(id, stored), PartnershipSummaries.Recordings::and);
    partnerships.computeIfAbsent(id, k -> new ArrayList<>()).add(stored);
  }

  void add(long position, OrganisationFact fact) {
    highest = Math.max(highest, position);
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
    Map<String, PartnershipSummaries.Recordings> summaryWrites = summaries;
    Map<String, List<StoredEvent<PartnershipEvent>>> partnershipWrites = partnerships;
    Map<String, List<StoredEvent<OrganisationFact>>> organisationWrites = organisations;
    long written = highest;
    summaries = new LinkedHashMap<>();
    partnerships = new LinkedHashMap<>();
    organisations = new LinkedHashMap<>();
    highest = -1;
    // The summaries first: setting them again is harmless, and the events' own writes are what
    // mark the events as applied.
    readModels.summaries().putAll(summaryWrites);
    readModels.organisations().appendAll(organisationWrites);
    readModels.partnerships().appendAll(partnershipWrites);
    if (written >= 0) {
      readModels.markApplied(written, summaryWrites, !organisationWrites.isEmpty());
    }
  }
}
