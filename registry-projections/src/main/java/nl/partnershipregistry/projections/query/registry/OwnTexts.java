package nl.partnershipregistry.projections.query.registry;

import java.util.BitSet;
import java.util.List;

/**
 * Every summary's own parts as the registry list reads them ({@link RegistrySearch.OwnParts}):
 * their texts in one text in the summaries' order, so that a word is looked for in all of them by
 * one scan of one text rather than by visiting every summary: most summaries lack a word of most
 * texts, and are then not visited at all. The one text is made when a search first asks, so that
 * the other questions reading the same snapshot do not pay for it.
 */
final class OwnTexts {

  /** Ends each summary's text: a word of the search, which is letters and digits, holds none. */
  private static final char END = '\n';

  /** The texts joined, and where each summary's starts. */
  private record Joined(String text, int[] starts) {}

  /**
   * Every summary's existence, kind and phase by ordinal (-1 for no phase), in the summaries'
   * order: a question asking for nothing but a kind and a phase reads these rather than every
   * summary.
   */
  record Columns(byte[] existence, byte[] kind, byte[] phase) {}

  private final List<RegistrySearch.OwnParts> parts;
  private volatile Joined joined;
  private volatile Columns columns;

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
      for (int i = 0; i < size; i++) {
        RegistrySearch.OwnParts own = parts.get(i);
        existence[i] = (byte) own.existence().ordinal();
        kind[i] = (byte) own.kind().ordinal();
        phase[i] = own.phase() == null ? -1 : (byte) own.phase().ordinal();
      }
      made = new Columns(existence, kind, phase);
      columns = made;
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

  /** The summaries whose own text holds the word (a plain word, without line breaks), by index. */
  BitSet holding(String word) {
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
