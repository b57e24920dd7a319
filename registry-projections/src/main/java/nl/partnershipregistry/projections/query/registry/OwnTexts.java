package nl.partnershipregistry.projections.query.registry;

import java.util.BitSet;
import java.util.List;

/**
 * Every summary's own parts as the registry list's search reads them ({@link
 * RegistrySearch#ownText}), in one text in the summaries' order, so that a word is looked for in
 * all of them by one scan of one text rather than by visiting every summary: most summaries lack a
 * word of most texts, and are then not visited at all. The one text is made when a search first
 * asks, so that the other questions reading the same snapshot do not pay for it.
 */
final class OwnTexts {

  /** Ends each summary's text: a word of the search, which is letters and digits, holds none. */
  private static final char END = '\n';

  /** The texts joined, and where each summary's starts. */
  private record Joined(String text, int[] starts) {}

  private final List<String> ownTexts;
  private volatile Joined joined;

  private OwnTexts(List<String> ownTexts) {
    this.ownTexts = ownTexts;
  }

  /** The texts of the summaries, in order. */
  static OwnTexts of(List<String> ownTexts) {
    return new OwnTexts(ownTexts);
  }

  private Joined joined() {
    Joined made = joined;
    if (made == null) {
      int length = 0;
      for (String own : ownTexts) {
        length += own.length() + 1;
      }
      StringBuilder text = new StringBuilder(length);
      int[] starts = new int[ownTexts.size()];
      for (int i = 0; i < ownTexts.size(); i++) {
        starts[i] = text.length();
        text.append(ownTexts.get(i)).append(END);
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
