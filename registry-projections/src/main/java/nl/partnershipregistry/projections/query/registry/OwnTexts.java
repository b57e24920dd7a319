package nl.partnershipregistry.projections.query.registry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every summary's own parts as the registry list reads them ({@link RegistrySearch.OwnParts}):
 * their texts in one text in the summaries' order, so that a word is looked for in all of them by
 * one scan of one text rather than by visiting every summary: most summaries lack a word of most
 * texts, and are then not visited at all. The one text is made when a search first asks, so that
 * the other questions reading the same snapshot do not pay for it; so are the columns the list
 * filters and counts by, and the summaries' order by name, which it sorts by.
 */
final class OwnTexts {

  /** Ends each summary's text: a word of the search, which is letters and digits, holds none. */
  private static final char END = '\n';

  /** The texts joined, and where each summary's starts. */
  private record Joined(String text, int[] starts) {}

  /**
   * Every summary's existence, kind and phase by ordinal (-1 for no phase), and its region and
   * sector as their place among {@code regions} and {@code sectors} (each value once, as written;
   * -1 for none), in the summaries' order: the list filters by these and counts matches by them
   * rather than reading every summary.
   */
  record Columns(
      byte[] existence,
      byte[] kind,
      byte[] phase,
      int[] region,
      int[] sector,
      List<String> regions,
      List<String> sectors) {}

  /**
   * A word of a search: the summaries whose own text holds it, and for each of them what the word
   * scores in its own parts at best ({@link RegistrySearch#ownPoints}; 0 for the others). Kept for
   * the next searches of the word, so not to be changed.
   */
  record Word(BitSet holding, byte[] points) {}

  /**
   * The most words kept ({@link #word}): the words of recent searches, asked again while the
   * summaries stay the same (a write that changes none, such as an evaluation, keeps them), are not
   * looked for again.
   */
  static final int WORDS_KEPT = 64;

  private final List<RegistrySearch.OwnParts> parts;
  private final Map<String, Word> words = new ConcurrentHashMap<>();
  private volatile Joined joined;
  private volatile Columns columns;
  private volatile int[] nameRanks;

  private OwnTexts(List<RegistrySearch.OwnParts> parts) {
    this.parts = parts;
  }

  /** The own parts of the summaries, in order. */
  static OwnTexts of(List<RegistrySearch.OwnParts> parts) {
    return new OwnTexts(parts);
  }

  /** The own parts of the summary at {@code index}. */
  RegistrySearch.OwnParts parts(int index) {
    return parts.get(index);
  }

  /** The columns of every summary, made when a question first reads them. */
  Columns columns() {
    Columns made = columns;
    if (made == null) {
      int size = parts.size();
      byte[] existence = new byte[size];
      byte[] kind = new byte[size];
      byte[] phase = new byte[size];
      int[] region = new int[size];
      int[] sector = new int[size];
      Map<String, Integer> regions = new HashMap<>();
      Map<String, Integer> sectors = new HashMap<>();
      for (int i = 0; i < size; i++) {
        RegistrySearch.OwnParts own = parts.get(i);
        existence[i] = (byte) own.existence().ordinal();
        kind[i] = (byte) own.kind().ordinal();
        phase[i] = own.phase() == null ? -1 : (byte) own.phase().ordinal();
        region[i] = place(own.region(), regions);
        sector[i] = place(own.sector(), sectors);
      }
      made = new Columns(existence, kind, phase, region, sector, values(regions), values(sectors));
      columns = made;
    }
    return made;
  }

  /** The value's place among the values met so far (a new one placed last); -1 for none. */
  private static int place(String value, Map<String, Integer> places) {
    return value == null ? -1 : places.computeIfAbsent(value, v -> places.size());
  }

  private static List<String> values(Map<String, Integer> places) {
    String[] values = new String[places.size()];
    places.forEach((value, place) -> values[place] = value);
    return List.of(values);
  }

  /**
   * Every summary's place in the order of names (in lower case, then ids), made when a question
   * first sorts by them: a list sorts its matches by these numbers rather than by their names.
   */
  int[] nameRanks() {
    int[] made = nameRanks;
    if (made == null) {
      List<Integer> order = new ArrayList<>(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        order.add(i);
      }
      order.sort(
          Comparator.comparing((Integer i) -> parts.get(i).sortName())
              .thenComparing(i -> parts.get(i).id()));
      made = new int[parts.size()];
      for (int rank = 0; rank < order.size(); rank++) {
        made[order.get(rank)] = rank;
      }
      nameRanks = made;
    }
    return made;
  }

  private Joined joined() {
    Joined made = joined;
    if (made == null) {
      int length = 0;
      for (RegistrySearch.OwnParts own : parts) {
        length += own.text().length() + 1;
      }
      StringBuilder text = new StringBuilder(length);
      int[] starts = new int[parts.size()];
      for (int i = 0; i < parts.size(); i++) {
        starts[i] = text.length();
        text.append(parts.get(i).text()).append(END);
      }
      made = new Joined(text.toString(), starts);
      joined = made;
    }
    return made;
  }

  /**
   * The word (a plain word, without line breaks) as the summaries' own parts hold it, looked for
   * once while they stay the same: the words of recent searches, asked again (the next page, the
   * same search in another order, a write that changes no summary between), are kept, up to {@link
   * #WORDS_KEPT}.
   */
  Word word(String word) {
    Word kept = words.get(word);
    if (kept != null) {
      return kept;
    }
    if (words.size() >= WORDS_KEPT) {
      words.clear();
    }
    BitSet holding = find(word);
    byte[] points = new byte[parts.size()];
    for (int i = holding.nextSetBit(0); i >= 0; i = holding.nextSetBit(i + 1)) {
      points[i] = (byte) RegistrySearch.ownPoints(word, parts.get(i));
    }
    Word made = new Word(holding, points);
    words.put(word, made);
    return made;
  }

  /** The summaries whose own text holds the word (a plain word, without line breaks), by index. */
  private BitSet find(String word) {
    Joined all = joined();
    String text = all.text();
    int[] starts = all.starts();
    BitSet holding = new BitSet(starts.length);
    int at = text.indexOf(word);
    while (at >= 0) {
      int summary = summaryAt(starts, at);
      holding.set(summary);
      // The rest of this summary's text can only tell the same.
      int next = summary + 1 < starts.length ? starts[summary + 1] : text.length();
      at = text.indexOf(word, next);
    }
    return holding;
  }

  private static int summaryAt(int[] starts, int position) {
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (starts[middle] <= position) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }
}
