package nl.partnershipregistry.projections.query.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.analysis.SummaryTimeline;
import nl.partnershipregistry.projections.time.KnownHistory;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.PartnershipSummaries.Recordings;
import nl.partnershipregistry.projections.views.ReadModels;
import nl.partnershipregistry.projections.views.StoredEvent;

/**
 * Every partnership's {@link SummaryTimeline} as known at an instant, for the questions across
 * partnerships: computed from the partnership's events by the same walk as its state, and kept.
 *
 * <p>What the registry knew of a partnership at an instant is the set of its events recorded by
 * then, so it is told by how many of them were recorded by then: per partnership, the instants its
 * events were recorded are kept in order, and a timeline is kept per number of events known (the
 * last {@value #KEPT_PER_PARTNERSHIP} asked), until an event of the partnership is applied ({@code
 * lastApplied} of its recordings moves). Two questions as known at different instants between the
 * same two recordings share one timeline. The recordings ({@link ReadModels#allRecordings()}) tell
 * without reading events which partnerships were known at all and whether what is kept is still
 * their latest state; only the partnerships without a kept timeline are read, {@value
 * #READ_AT_ONCE} at a time.
 */
public final class SummaryTimelines {

  /**
   * How many partnerships' events are read in one request: the embedded server answers a find in
   * one reply, which may not exceed 48 MB (2,000 partnerships of 100 events took 99 MB).
   */
  static final int READ_AT_ONCE = 100;

  /** How many states of knowledge of one partnership keep their timeline. */
  static final int KEPT_PER_PARTNERSHIP = 4;

  /** A partnership's recordings in order and its timelines by the number of events known. */
  private static final class Kept {

    private final long lastApplied;
    private final Instant[] recorded;
    private final Map<Integer, SummaryTimeline> byKnown =
        new LinkedHashMap<>(KEPT_PER_PARTNERSHIP, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, SummaryTimeline> eldest) {
            return size() > KEPT_PER_PARTNERSHIP;
          }
        };

    Kept(long lastApplied, List<StoredEvent<PartnershipEvent>> events) {
      this.lastApplied = lastApplied;
      // As the known history reads them: each event's own recording instant.
      this.recorded =
          events.stream().map(e -> e.event().recorded().at()).sorted().toArray(Instant[]::new);
    }

    /** How many of the partnership's events were recorded by {@code asKnownOn}. */
    int known(Instant asKnownOn) {
      int low = 0;
      int high = recorded.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (recorded[middle].isAfter(asKnownOn)) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      return low;
    }

    synchronized SummaryTimeline get(int known) {
      return byKnown.get(known);
    }

    synchronized void put(int known, SummaryTimeline timeline) {
      byKnown.put(known, timeline);
    }
  }

  private final ReadModels readModels;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final Object walking = new Object();

  public SummaryTimelines(ReadModels readModels) {
    this.readModels = readModels;
  }

  /** Every partnership known at the slice's instant, summarised on its valid date. */
  public List<SummaryAsOf> summaries(TimeSlice slice) {
    List<SummaryAsOf> summaries = new ArrayList<>();
    timelines(slice.asKnownOn())
        .forEach((id, timeline) -> summaries.add(timeline.at(slice.asOf())));
    return summaries;
  }

  /** Every partnership known at {@code asKnownOn}, by id, with its timeline as known then. */
  public Map<String, SummaryTimeline> timelines(Instant asKnownOn) {
    Map<String, Recordings> recordings = readModels.allRecordings();
    Map<String, SummaryTimeline> found = new LinkedHashMap<>();
    List<String> toRead = new ArrayList<>();
    for (Recordings r : recordings.values()) {
      if (r.firstRecordedAt().isAfter(asKnownOn)) {
        continue;
      }
      SummaryTimeline timeline = kept(r, asKnownOn);
      found.put(r.partnershipId(), timeline);
      if (timeline == null) {
        toRead.add(r.partnershipId());
      }
    }
    if (!toRead.isEmpty()) {
      // One question walks at a time: the others that need the same partnerships wait for its
      // walk instead of doing it again beside it (after a write, every question needs the
      // partnership written, and eight at once took eight times the work on two cores).
      synchronized (walking) {
        toRead.removeIf(
            id -> {
              SummaryTimeline walked = kept(recordings.get(id), asKnownOn);
              found.put(id, walked);
              return walked != null;
            });
        for (int from = 0; from < toRead.size(); from += READ_AT_ONCE) {
          readModels
              .partnerships()
              .load(toRead.subList(from, Math.min(toRead.size(), from + READ_AT_ONCE)))
              .forEach((id, events) -> found.put(id, read(id, events, asKnownOn)));
        }
      }
    }
    found.values().removeIf(timeline -> timeline == null);
    return found;
  }

  /** The timeline kept for the partnership as known at {@code asKnownOn}, if still its latest. */
  private SummaryTimeline kept(Recordings r, Instant asKnownOn) {
    Kept partnership = kept.get(r.partnershipId());
    return partnership != null && partnership.lastApplied == r.lastApplied()
        ? partnership.get(partnership.known(asKnownOn))
        : null;
  }

  /** The partnership's timeline as known at {@code asKnownOn}, kept; null if it was not known. */
  private SummaryTimeline read(
      String id, List<StoredEvent<PartnershipEvent>> events, Instant asKnownOn) {
    if (events.isEmpty()) {
      return null;
    }
    long applied = events.get(events.size() - 1).position();
    Kept partnership =
        kept.compute(
            id,
            (key, before) ->
                before != null && before.lastApplied == applied
                    ? before
                    : new Kept(applied, events));
    int known = partnership.known(asKnownOn);
    if (known == 0) {
      return null;
    }
    SummaryTimeline timeline =
        SummaryTimeline.of(
            PartnershipId.of(id),
            KnownHistory.of(events.stream().map(StoredEvent::event).toList(), asKnownOn));
    partnership.put(known, timeline);
    return timeline;
  }
}
