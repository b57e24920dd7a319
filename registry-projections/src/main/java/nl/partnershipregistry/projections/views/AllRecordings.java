package nl.partnershipregistry.projections.views;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.partnershipregistry.projections.views.PartnershipSummaries.Recordings;

/**
 * Every partnership's recordings by partnership id ({@link ReadModels#allRecordings}),
 * unmodifiable, and which of them changed since an earlier state of them: the questions across
 * partnerships keep what they made of every partnership and, after a write, make again only what
 * the partnerships written need, rather than visiting every partnership to find them.
 *
 * <p>The recordings read from the read models begin a lineage; each batch this process writes and
 * marks next makes the next state in it, with the partnerships the batch wrote. The partnerships
 * written in the last {@value #CHANGES_KEPT} states of a lineage are kept; what changed between
 * states further apart, or of different lineages (read again after a batch of another processor or
 * instance, or a rebuild), is not known.
 */
public final class AllRecordings extends AbstractMap<String, Recordings> {

  /** How many states of a lineage keep the partnerships written in them. */
  static final int CHANGES_KEPT = 1_024;

  /** The partnerships written in each of the last states of a lineage, by the state's number. */
  private static final class Lineage {

    private final Map<Long, Set<String>> written =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Set<String>> eldest) {
            return size() > CHANGES_KEPT;
          }
        };

    synchronized void record(long state, Set<String> ids) {
      written.put(state, ids);
    }

    /**
     * The partnerships written after state {@code from} up to state {@code to}; null if unknown.
     */
    synchronized Set<String> between(long from, long to) {
      Set<String> ids = new LinkedHashSet<>();
      for (long state = from + 1; state <= to; state++) {
        Set<String> inState = written.get(state);
        if (inState == null) {
          return null;
        }
        ids.addAll(inState);
      }
      return ids;
    }
  }

  private final Map<String, Recordings> byId;
  private final Lineage lineage;
  private final long state;

  private AllRecordings(Map<String, Recordings> byId, Lineage lineage, long state) {
    this.byId = Collections.unmodifiableMap(byId);
    this.lineage = lineage;
    this.state = state;
  }

  /** Recordings as read from the read models: the first state of a lineage of their own. */
  static AllRecordings read(Map<String, Recordings> byId) {
    return new AllRecordings(byId, new Lineage(), 0);
  }

  /**
   * The next state of this lineage: these recordings with a batch's merged in ({@link
   * Recordings#and}), partnerships not known before added after the others.
   */
  AllRecordings with(Map<String, Recordings> batch) {
    Map<String, Recordings> merged = new LinkedHashMap<>(byId);
    batch.forEach((id, r) -> merged.merge(id, r, Recordings::and));
    lineage.record(state + 1, Collections.unmodifiableSet(new LinkedHashSet<>(batch.keySet())));
    return new AllRecordings(merged, lineage, state + 1);
  }

  /**
   * The partnerships whose recordings differ between {@code earlier} and these, or were added
   * since, in the order they were first written; null when that is not known: {@code earlier} is of
   * another lineage, is newer, or is more than {@value #CHANGES_KEPT} states older.
   */
  public Set<String> changedSince(AllRecordings earlier) {
    if (earlier == this) {
      return Set.of();
    }
    if (earlier.lineage != lineage || earlier.state > state) {
      return null;
    }
    return lineage.between(earlier.state, state);
  }

  @Override
  public Recordings get(Object id) {
    return byId.get(id);
  }

  @Override
  public boolean containsKey(Object id) {
    return byId.containsKey(id);
  }

  @Override
  public int size() {
    return byId.size();
  }

  @Override
  public Set<Map.Entry<String, Recordings>> entrySet() {
    return byId.entrySet();
  }

  @Override
  public Set<String> keySet() {
    return byId.keySet();
  }

  @Override
  public Collection<Recordings> values() {
    return byId.values();
  }
}
