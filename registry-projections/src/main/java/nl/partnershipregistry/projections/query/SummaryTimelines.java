package nl.partnershipregistry.projections.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.analysis.SummaryTimeline;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.PartnershipSummaries.Recordings;
import nl.partnershipregistry.projections.views.ReadModels;
import nl.partnershipregistry.projections.views.StoredEvent;

/**
 * Every partnership's {@link SummaryTimeline} as known at an instant, for the questions across
 * partnerships: computed from the partnership's events by the same walk as its state, and kept.
 *
 * <p>A partnership known whole at the instant (nothing of it recorded later) has the timeline of
 * its latest state, kept until an event of it is applied; one recorded further after the instant
 * has a timeline of its own for that instant, of which the last {@value #PAST_KEPT} asked are kept.
 * The recordings ({@link ReadModels#allRecordings()}) tell which applies without reading events;
 * only the partnerships not kept are read, {@value #READ_AT_ONCE} at a time.
 */
final class SummaryTimelines {

  /**
   * How many partnerships' events are read in one request: the embedded server answers a find in
   * one reply, which may not exceed 48 MB (2,000 partnerships of 100 events took 99 MB).
   */
  static final int READ_AT_ONCE = 100;

  /** How many timelines of past states of knowledge are kept. */
  static final int PAST_KEPT = 1_024;

  private record Kept(long lastApplied, SummaryTimeline timeline) {}

  private record Past(String partnershipId, long lastApplied, Instant asKnownOn) {}

  private final ReadModels readModels;
  private final Map<String, Kept> latest = new ConcurrentHashMap<>();
  private final Map<Past, SummaryTimeline> past =
      new LinkedHashMap<>(PAST_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Past, SummaryTimeline> eldest) {
          return size() > PAST_KEPT;
        }
      };

  SummaryTimelines(ReadModels readModels) {
    this.readModels = readModels;
  }

  /** Every partnership known at the slice's instant, summarised on its valid date. */
  List<SummaryAsOf> summaries(TimeSlice slice) {
    List<SummaryAsOf> summaries = new ArrayList<>();
    timelines(slice.asKnownOn())
        .forEach((id, timeline) -> summaries.add(timeline.at(slice.asOf())));
    return summaries;
  }

  /** Every partnership known at {@code asKnownOn}, by id, with its timeline as known then. */
  Map<String, SummaryTimeline> timelines(Instant asKnownOn) {
    Map<String, Recordings> recordings = readModels.allRecordings();
    Map<String, SummaryTimeline> found = new LinkedHashMap<>();
    List<String> toRead = new ArrayList<>();
    for (Recordings r : recordings.values()) {
      if (r.firstRecordedAt().isAfter(asKnownOn)) {
        continue;
      }
      SummaryTimeline kept = kept(r, asKnownOn);
      found.put(r.partnershipId(), kept);
      if (kept == null) {
        toRead.add(r.partnershipId());
      }
    }
    for (int from = 0; from < toRead.size(); from += READ_AT_ONCE) {
      readModels
          .partnerships()
          .load(toRead.subList(from, Math.min(toRead.size(), from + READ_AT_ONCE)))
          .forEach((id, events) -> found.put(id, read(recordings.get(id), events, asKnownOn)));
    }
    found.values().removeIf(timeline -> timeline == null);
    return found;
  }

  private SummaryTimeline kept(Recordings r, Instant asKnownOn) {
    if (!r.lastRecordedAt().isAfter(asKnownOn)) {
      Kept kept = latest.get(r.partnershipId());
      return kept != null && kept.lastApplied() == r.lastApplied() ? kept.timeline() : null;
    }
    synchronized (past) {
      return past.get(new Past(r.partnershipId(), r.lastApplied(), asKnownOn));
    }
  }

  private SummaryTimeline read(
      Recordings r, List<StoredEvent<PartnershipEvent>> events, Instant asKnownOn) {
    PartnershipId id = PartnershipId.of(r.partnershipId());
    long applied = events.isEmpty() ? -1 : events.get(events.size() - 1).position();
    return PartnershipReader.known(events, asKnownOn)
        .map(known -> SummaryTimeline.of(id, known.history()))
        .map(
            timeline -> {
              if (!r.lastRecordedAt().isAfter(asKnownOn)) {
                latest.put(r.partnershipId(), new Kept(applied, timeline));
              } else {
                synchronized (past) {
                  past.put(new Past(r.partnershipId(), applied, asKnownOn), timeline);
                }
              }
              return timeline;
            })
        .orElse(null);
  }
}
