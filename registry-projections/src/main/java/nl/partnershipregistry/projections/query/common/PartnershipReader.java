package nl.partnershipregistry.projections.query.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationJoinedGroup;
import nl.partnershipregistry.core.organisation.OrganisationMerged;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.time.KnownHistory;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.ReadModels;
import nl.partnershipregistry.projections.views.StoredEvent;

/** Reads partnerships and organisations from the read models, as known at an instant. */
public final class PartnershipReader {

  /** A partnership's events recorded up to an instant, and the history they make. */
  public record Known(List<PartnershipEvent> events, PartnershipHistory history) {

    public PartnershipAsOf asOf(LocalDate day) {
      return PartnershipAsOf.of(history, day);
    }
  }

  /**
   * How many partnerships' events are kept read ({@link #events}): a partnership's page asks three
   * questions of the same partnership, and people look at a few partnerships at a time.
   */
  static final int PARTNERSHIPS_KEPT = 256;

  /** A partnership's events as read, and its read model's {@code lastApplied} then. */
  private record Kept(long lastApplied, List<StoredEvent<PartnershipEvent>> events) {}

  private final ReadModels readModels;

  private final Map<String, Kept> kept =
      new LinkedHashMap<>(PARTNERSHIPS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
          return size() > PARTNERSHIPS_KEPT;
        }
      };

  public PartnershipReader(ReadModels readModels) {
    this.readModels = readModels;
  }

  public ReadModels readModels() {
    return readModels;
  }

  /** The partnership as the registry knew it, or empty if it knew nothing of it then. */
  public Optional<Known> known(PartnershipId id, Instant asKnownOn) {
    return events(id.value()).flatMap(stored -> known(stored, asKnownOn));
  }

  /**
   * A partnership's events from its read model. Deserializing them took most of a question about
   * one partnership ({@code ./bench pages}), so the events read are kept with the read model's
   * {@code lastApplied} and read again only once it has moved; {@code lastApplied} is read first,
   * so what is kept may be newer than its mark, never older.
   */
  private Optional<List<StoredEvent<PartnershipEvent>>> events(String id) {
    Optional<Long> applied = readModels.partnerships().lastApplied(id);
    if (applied.isEmpty()) {
      return Optional.empty();
    }
    synchronized (kept) {
      Kept known = kept.get(id);
      if (known != null && known.lastApplied() == applied.get()) {
        return Optional.of(known.events());
      }
    }
    Optional<List<StoredEvent<PartnershipEvent>>> loaded =
        readModels.partnerships().load(id).map(List::copyOf);
    loaded.ifPresent(
        events -> {
          synchronized (kept) {
            kept.put(id, new Kept(applied.get(), events));
          }
        });
    return loaded;
  }

  public static Optional<Known> known(
      List<StoredEvent<PartnershipEvent>> stored, Instant asKnownOn) {
    List<PartnershipEvent> events =
        stored.stream()
            .map(StoredEvent::event)
            .filter(e -> !e.recorded().at().isAfter(asKnownOn))
            .toList();
    if (events.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Known(events, KnownHistory.of(events, asKnownOn)));
  }

  /**
   * The named organisations with the groups they belong to and those they merged into, from every
   * organisation's events as kept ({@link ReadModels#allOrganisationStreamsById}).
   */
  public OrganisationDirectory organisations(Collection<OrganisationId> ids, TimeSlice slice) {
    return organisations(ids, slice, readModels.allOrganisationStreamsById());
  }

  /**
   * The named organisations with their groups and successors, found among {@code all}
   * organisations' events by id (those not found left out).
   */
  public static OrganisationDirectory organisations(
      Collection<OrganisationId> ids,
      TimeSlice slice,
      Map<String, List<StoredEvent<OrganisationFact>>> all) {
    return organisations(
        ids,
        slice,
        wanted -> {
          Map<String, List<StoredEvent<OrganisationFact>>> found = new LinkedHashMap<>();
          for (String id : wanted) {
            List<StoredEvent<OrganisationFact>> stream = all.get(id);
            if (stream != null) {
              found.put(id, stream);
            }
          }
          return found;
        });
  }

  /**
   * The named organisations with their groups and successors, read with {@code load} (by id, those
   * not found left out): from the read models, or from organisations read once for many questions.
   */
  public static OrganisationDirectory organisations(
      Collection<OrganisationId> ids,
      TimeSlice slice,
      Function<Set<String>, Map<String, List<StoredEvent<OrganisationFact>>>> load) {
    Map<String, List<StoredEvent<OrganisationFact>>> streams = new LinkedHashMap<>();
    Set<String> wanted = new HashSet<>();
    for (OrganisationId id : ids) {
      wanted.add(id.value());
    }
    // Groups and mergers are followed two steps deep: a partner, its group or successor, theirs.
    for (int round = 0; round < 3 && !wanted.isEmpty(); round++) {
      Map<String, List<StoredEvent<OrganisationFact>>> found = load.apply(wanted);
      streams.putAll(found);
      wanted = new HashSet<>();
      for (List<StoredEvent<OrganisationFact>> stream : found.values()) {
        for (StoredEvent<OrganisationFact> stored : stream) {
          OrganisationId related = null;
          if (stored.event() instanceof OrganisationJoinedGroup joined) {
            related = joined.groupId();
          } else if (stored.event() instanceof OrganisationMerged merged) {
            related = merged.intoId();
          }
          if (related != null && !streams.containsKey(related.value())) {
            wanted.add(related.value());
          }
        }
      }
    }
    return OrganisationDirectory.of(streams.values(), slice.asKnownOn(), slice.asOf());
  }

  /** Every organisation's events by its id ({@link ReadModels#allOrganisationStreams}). */
  public Map<String, List<StoredEvent<OrganisationFact>>> allOrganisationEvents() {
    return readModels.allOrganisationStreamsById();
  }

  /** Every organisation, for questions about names and groups. */
  public OrganisationDirectory allOrganisations(TimeSlice slice) {
    return allOrganisations(slice, readModels.allOrganisationStreams());
  }

  /** Every organisation of {@code streams} (as {@link #allOrganisationEvents} read them). */
  public static OrganisationDirectory allOrganisations(
      TimeSlice slice, Collection<List<StoredEvent<OrganisationFact>>> streams) {
    return OrganisationDirectory.of(streams, slice.asKnownOn(), slice.asOf());
  }
}
