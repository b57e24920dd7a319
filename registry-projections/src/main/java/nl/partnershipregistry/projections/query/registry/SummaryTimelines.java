package nl.partnershipregistry.projections.query.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.analysis.SummaryTimeline;
import nl.partnershipregistry.projections.time.KnownHistory;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.AllRecordings;
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
      if (!recorded[recorded.length - 1].isAfter(asKnownOn)) {
        return recorded.length;
      }
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

    /**
     * The first instant after {@code asKnownOn} at which more of the partnership's events are
     * known, or null if none is recorded after it.
     */
    Instant nextKnown(Instant asKnownOn) {
      int known = known(asKnownOn);
      return known < recorded.length ? recorded[known] : null;
    }

    synchronized SummaryTimeline get(int known) {
      return byKnown.get(known);
    }

    synchronized void put(int known, SummaryTimeline timeline) {
      byKnown.put(known, timeline);
    }
  }

  /**
   * How many valid dates keep their {@link Snapshot}: a question names one (today, mostly), the
   * panel and comparisons a few.
   */
  static final int SNAPSHOTS_KEPT = 8;

  /**
   * A partnership's summary in a {@link Snapshot}, the instants between which it holds, and its own
   * parts as the registry list reads them ({@link RegistrySearch.OwnParts}), made once.
   */
  private record Entry(
      Recordings recordings,
      SummaryAsOf summary,
      Instant from,
      Instant until,
      RegistrySearch.OwnParts own) {

    Entry(Recordings recordings, SummaryAsOf summary, Instant from, Instant until) {
      this(recordings, summary, from, until, RegistrySearch.ownParts(summary));
    }

    boolean holds(Recordings now, Instant asKnownOn) {
      return recordings == now && within(asKnownOn, from, until);
    }
  }

  /** Whether {@code asKnownOn} is from {@code from} on and before {@code until} (none: no end). */
  private static boolean within(Instant asKnownOn, Instant from, Instant until) {
    return !asKnownOn.isBefore(from) && (until == null || asKnownOn.isBefore(until));
  }

  /**
   * Every partnership's summary on one valid date, as known at every instant from {@code from} up
   * to {@code until} (none: no later recording is stored) while the recordings are these: the
   * questions across partnerships asked again with no write in between read it as it is. After a
   * write, the next snapshot takes the entries of the partnerships not written from it, so that
   * only the partnerships written are summarised again. {@code content} is the same object for two
   * snapshots with equal summaries (a write that changed no summary, such as an evaluation).
   */
  private record Snapshot(
      AllRecordings recordings,
      Instant from,
      Instant until,
      Map<String, Integer> index,
      Entry[] entries,
      Settled settled,
      SummaryAsOf[] summaryArray,
      RegistrySearch.OwnParts[] ownArray,
      List<SummaryAsOf> summaries,
      OwnTexts ownTexts,
      Content content,
      boolean keep) {

    boolean holds(AllRecordings now, Instant asKnownOn) {
      return recordings == now && within(asKnownOn, from, until);
    }

    /** The partnership's entry, or null if it has none. */
    Entry entry(String id) {
      Integer at = index.get(id);
      return at == null ? null : entries[at];
    }

    /**
     * A snapshot of {@code entries} in their order ({@code index}: the place of each partnership's
     * entry); {@code last}'s content if they hold the same summaries. {@code changed}: the places
     * of the entries that differ from {@code last}'s, those after its end added; null when the
     * entries were not made from {@code last}'s.
     */
    static Snapshot of(
        AllRecordings recordings,
        Instant from,
        Instant until,
        Map<String, Integer> index,
        Entry[] entries,
        Settled settled,
        Snapshot last,
        List<Integer> changed,
        boolean sameSummaries,
        boolean keep) {
      SummaryAsOf[] summaries;
      RegistrySearch.OwnParts[] own;
      if (changed == null) {
        summaries = new SummaryAsOf[entries.length];
        own = new RegistrySearch.OwnParts[entries.length];
        for (int i = 0; i < entries.length; i++) {
          summaries[i] = entries[i].summary();
          own[i] = entries[i].own();
        }
      } else {
        // The others are the same entries as the last snapshot's: only the changed ones are read.
        summaries = Arrays.copyOf(last.summaryArray(), entries.length);
        own = Arrays.copyOf(last.ownArray(), entries.length);
        for (int i : changed) {
          summaries[i] = entries[i].summary();
          own[i] = entries[i].own();
        }
      }
      // Made from the last snapshot with the same summaries, every entry keeps its own parts in
      // its place: the last snapshot's texts and columns, if made, serve.
      boolean sameParts = changed != null && sameSummaries;
      List<SummaryAsOf> all = Collections.unmodifiableList(Arrays.asList(summaries));
      return new Snapshot(
          recordings,
          from,
          until,
          index,
          entries,
          settled,
          summaries,
          own,
          all,
          sameParts
              ? last.ownTexts()
              : OwnTexts.of(Collections.unmodifiableList(Arrays.asList(own))),
          sameSummaries ? last.content() : new Content(all),
          keep);
    }
  }

  /**
   * How long before the instant a snapshot is made for its entries count as settled: a question as
   * known at any instant from then on finds them holding, unless their partnership is written.
   */
  static final Duration SETTLED_BEFORE = Duration.ofSeconds(10);

  /** The most entries a snapshot keeps as {@link Settled#recent} before it is made anew whole. */
  static final int RECENT_KEPT = 1_000;

  /**
   * What a snapshot that holds every partnership recorded up to its instant tells the next one:
   * every entry but the {@code recent} ones was made from events recorded no later than {@code
   * instant} ({@code from} the latest of them) and no later event of its partnership is known, so
   * it holds as known at any instant from {@code instant} on while its partnership's recordings are
   * the same.
   */
  private record Settled(Instant instant, Instant from, Set<String> recent) {

    /**
     * The settled part of a snapshot's entries; null when it holds too many recent ones to be
     * followed.
     */
    static Settled of(Instant instant, Instant from, Set<String> recent) {
      return recent.size() > RECENT_KEPT ? null : new Settled(instant, from, recent);
    }

    /** Whether the entry holds as known at any instant from {@code instant} on (see above). */
    boolean settles(Entry entry) {
      return entry.until() == null && !entry.from().isAfter(instant);
    }
  }

  private final ReadModels readModels;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  /** How many snapshots were made by visiting every partnership ({@link #madeWhole}). */
  private final AtomicLong madeWhole = new AtomicLong();

  private final Object walking = new Object();

  /**
   * Held while a snapshot is made. After a write every question across partnerships needs a new
   * one; each made its own beside the others, a pass over every partnership's entry each (and, for
   * a search, a new text of them all), so a question that finds none holding waits for the one
   * being made and takes it.
   */
  private final Object making = new Object();

  private final Map<LocalDate, Snapshot> snapshots =
      new LinkedHashMap<>(SNAPSHOTS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Snapshot> eldest) {
          return size() > SNAPSHOTS_KEPT;
        }
      };

  public SummaryTimelines(ReadModels readModels) {
    this.readModels = readModels;
  }

  /**
   * Every partnership known at the slice's instant, summarised on its valid date (unmodifiable):
   * from the {@link Snapshot} of that date if it holds for the instant, else from a new one.
   */
  public List<SummaryAsOf> summaries(TimeSlice slice) {
    return summariesWithContent(slice).all();
  }

  /**
   * {@link #summaries}, with an object that stays the same while they do: answers made from them
   * may be kept under it.
   */
  public Summaries summariesWithContent(TimeSlice slice) {
    Snapshot snapshot = snapshot(slice);
    return new Summaries(snapshot.summaries(), snapshot.content(), snapshot.ownTexts());
  }

  /**
   * Every summary of a slice, the object that stays the same while they do, and the summaries' own
   * parts as the search reads them, in the same order.
   */
  public record Summaries(List<SummaryAsOf> all, Content content, OwnTexts ownTexts) {}

  /**
   * What a snapshot's summaries hold: the same object for snapshots with equal summaries, so that
   * answers made from them may be kept under it, and what is read from all of them is read once.
   */
  public static final class Content {

    private final List<SummaryAsOf> summaries;
    private volatile Set<OrganisationId> partners;

    private Content(List<SummaryAsOf> summaries) {
      this.summaries = summaries;
    }

    /** Every organisation that some partnership had as a partner up to the valid date. */
    public Set<OrganisationId> partners() {
      Set<OrganisationId> all = partners;
      if (all == null) {
        Set<OrganisationId> named = new HashSet<>();
        for (SummaryAsOf summary : summaries) {
          named.addAll(summary.everPartners());
        }
        all = Collections.unmodifiableSet(named);
        partners = all;
      }
      return all;
    }
  }

  private Snapshot snapshot(TimeSlice slice) {
    Instant asKnownOn = slice.asKnownOn();
    Snapshot last = kept(slice.asOf());
    if (last != null && last.holds(readModels.allRecordings(), asKnownOn)) {
      return last;
    }
    synchronized (making) {
      // The recordings as they are now: a snapshot made meanwhile by the question this one waited
      // for holds for them, and they hold every write made before this question.
      AllRecordings recordings = readModels.allRecordings();
      last = kept(slice.asOf());
      if (last != null && last.holds(recordings, asKnownOn)) {
        return last;
      }
      Snapshot next = following(slice.asOf(), asKnownOn, recordings, last);
      if (next == null) {
        next = snapshot(slice.asOf(), asKnownOn, recordings, last);
      }
      if (next.keep()) {
        synchronized (snapshots) {
          snapshots.put(slice.asOf(), next);
        }
      }
      return next;
    }
  }

  private Snapshot kept(LocalDate asOf) {
    synchronized (snapshots) {
      return snapshots.get(asOf);
    }
  }

  /**
   * The snapshot after {@code last} made from the entries that may have changed: those of the
   * partnerships written since ({@link AllRecordings#changedSince}) and {@code last}'s recent ones
   * ({@link Settled}); every other entry of {@code last} holds as it is. Null when {@code last}
   * cannot be followed so (it is not settled, or {@code asKnownOn} is before its settled instant),
   * or when a partnership is not known at {@code asKnownOn}: then a new snapshot is made by
   * visiting every partnership, which comes to the same.
   */
  private Snapshot following(
      LocalDate asOf, Instant asKnownOn, AllRecordings recordings, Snapshot last) {
    if (last == null || last.settled() == null || asKnownOn.isBefore(last.settled().instant())) {
      return null;
    }
    Set<String> changed = recordings.changedSince(last.recordings());
    if (changed == null) {
      return null;
    }
    Set<String> toCheck = new LinkedHashSet<>(last.settled().recent());
    toCheck.addAll(changed);
    List<String> toSummarise = new ArrayList<>();
    for (String id : toCheck) {
      Recordings r = recordings.get(id);
      if (r == null || r.firstRecordedAt().isAfter(asKnownOn)) {
        return null;
      }
      Entry entry = last.entry(id);
      if (entry == null || !entry.holds(r, asKnownOn)) {
        toSummarise.add(id);
      }
    }
    Entry[] entries = last.entries().clone();
    List<Entry> added = new ArrayList<>();
    List<Integer> changedAt = new ArrayList<>();
    boolean keep = true;
    boolean sameSummaries = true;
    Map<String, SummaryTimeline> timelines =
        toSummarise.isEmpty() ? Map.of() : timelines(recordings, toSummarise, asKnownOn);
    for (String id : toSummarise) {
      SummaryTimeline timeline = timelines.get(id);
      Kept partnership = kept.get(id);
      if (timeline == null || partnership == null) {
        return null;
      }
      keep &= partnership.lastApplied == recordings.get(id).lastApplied();
      int known = partnership.known(asKnownOn);
      SummaryAsOf summary = timeline.at(asOf);
      Integer at = last.index().get(id);
      Entry before = at == null ? null : entries[at];
      // A summary equal to the last one (after an evaluation, say) keeps its own parts as made.
      boolean same =
          before != null && (before.summary() == summary || before.summary().equals(summary));
      Entry entry =
          new Entry(
              recordings.get(id),
              summary,
              partnership.recorded[known - 1],
              partnership.nextKnown(asKnownOn),
              same ? before.own() : RegistrySearch.ownParts(summary));
      if (at == null) {
        added.add(entry);
        sameSummaries = false;
      } else {
        sameSummaries &= same;
        entries[at] = entry;
        changedAt.add(at);
      }
    }
    Map<String, Integer> index = last.index();
    if (!added.isEmpty()) {
      Map<String, Integer> more = new HashMap<>(index);
      int size = entries.length;
      entries = Arrays.copyOf(entries, size + added.size());
      for (Entry entry : added) {
        more.put(entry.recordings().partnershipId(), size);
        changedAt.add(size);
        entries[size++] = entry;
      }
      index = Collections.unmodifiableMap(more);
    }
    Settled settledBefore = last.settled();
    Instant settledFrom = settledBefore.from();
    Instant from = settledFrom;
    Instant until = null;
    Set<String> recent = new LinkedHashSet<>();
    for (String id : toCheck) {
      Entry entry = entries[index.get(id)];
      if (settledBefore.settles(entry)) {
        settledFrom = later(settledFrom, entry.from());
      } else {
        recent.add(id);
      }
      from = later(from, entry.from());
      until = earlier(until, entry.until());
    }
    return Snapshot.of(
        recordings,
        from,
        until,
        index,
        entries,
        Settled.of(settledBefore.instant(), settledFrom, recent),
        last,
        changedAt,
        sameSummaries,
        keep);
  }

  /**
   * How many snapshots were made by visiting every partnership rather than from the last one and
   * the partnerships written since.
   */
  long madeWhole() {
    return madeWhole.get();
  }

  /** A new snapshot, taking from {@code last} (if any) every entry that still holds. */
  private Snapshot snapshot(
      LocalDate asOf, Instant asKnownOn, AllRecordings recordings, Snapshot last) {
    madeWhole.incrementAndGet();
    Map<String, Entry> byId = new LinkedHashMap<>();
    List<String> toSummarise = new ArrayList<>();
    Instant from = Instant.MIN;
    Instant until = null;
    // Another question may have read a partnership written since these recordings: what it keeps
    // then tells the instants of other events, and this snapshot serves this question only.
    boolean keep = true;
    for (Recordings r : recordings.values()) {
      if (r.firstRecordedAt().isAfter(asKnownOn)) {
        until = earlier(until, r.firstRecordedAt());
        continue;
      }
      Entry entry = last == null ? null : last.entry(r.partnershipId());
      if (entry != null && entry.holds(r, asKnownOn)) {
        byId.put(r.partnershipId(), entry);
      } else {
        byId.put(r.partnershipId(), null);
        toSummarise.add(r.partnershipId());
      }
    }
    if (!toSummarise.isEmpty()) {
      Map<String, SummaryTimeline> timelines = timelines(recordings, toSummarise, asKnownOn);
      for (String id : toSummarise) {
        SummaryTimeline timeline = timelines.get(id);
        Kept partnership = kept.get(id);
        if (timeline == null || partnership == null) {
          // Not known at the instant after all (its events read record it later).
          byId.remove(id);
          if (partnership != null) {
            keep &= partnership.lastApplied == recordings.get(id).lastApplied();
            until = earlier(until, partnership.nextKnown(asKnownOn));
          } else {
            keep = false;
          }
          continue;
        }
        keep &= partnership.lastApplied == recordings.get(id).lastApplied();
        int known = partnership.known(asKnownOn);
        byId.put(
            id,
            new Entry(
                recordings.get(id),
                timeline.at(asOf),
                partnership.recorded[known - 1],
                partnership.nextKnown(asKnownOn)));
      }
    }
    Map<String, Integer> index = new HashMap<>();
    Entry[] entries = new Entry[byId.size()];
    boolean sameSummaries = last != null && last.entries().length == byId.size();
    // Followed by the snapshots after it only when it holds every partnership recorded so far.
    Settled settled = null;
    Instant settledFrom = Instant.MIN;
    Set<String> recent = new LinkedHashSet<>();
    Instant settledAt = asKnownOn.minus(SETTLED_BEFORE);
    int at = 0;
    for (Map.Entry<String, Entry> e : byId.entrySet()) {
      Entry entry = e.getValue();
      index.put(e.getKey(), at);
      entries[at++] = entry;
      from = later(from, entry.from());
      until = earlier(until, entry.until());
      if (entry.until() == null && !entry.from().isAfter(settledAt)) {
        settledFrom = later(settledFrom, entry.from());
      } else {
        recent.add(e.getKey());
      }
      if (sameSummaries) {
        Entry before = last.entry(e.getKey());
        sameSummaries =
            before != null
                && (before.summary() == entry.summary()
                    || before.summary().equals(entry.summary()));
      }
    }
    if (byId.size() == recordings.size()) {
      settled = Settled.of(settledAt, settledFrom, recent);
    }
    return Snapshot.of(
        recordings,
        from,
        until,
        Collections.unmodifiableMap(index),
        entries,
        settled,
        last,
        null,
        sameSummaries,
        keep);
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** Every partnership known at {@code asKnownOn}, by id, with its timeline as known then. */
  public Map<String, SummaryTimeline> timelines(Instant asKnownOn) {
    AllRecordings recordings = readModels.allRecordings();
    List<String> ids = new ArrayList<>();
    for (Recordings r : recordings.values()) {
      if (!r.firstRecordedAt().isAfter(asKnownOn)) {
        ids.add(r.partnershipId());
      }
    }
    return timelines(recordings, ids, asKnownOn);
  }

  /**
   * The timelines of the partnerships {@code ids}, each as known at {@code asKnownOn}; those not
   * known then are left out.
   */
  private Map<String, SummaryTimeline> timelines(
      Map<String, Recordings> recordings, List<String> ids, Instant asKnownOn) {
    Map<String, SummaryTimeline> found = new LinkedHashMap<>();
    List<String> toRead = new ArrayList<>();
    for (String id : ids) {
      SummaryTimeline timeline = kept(recordings.get(id), asKnownOn);
      found.put(id, timeline);
      if (timeline == null) {
        toRead.add(id);
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
