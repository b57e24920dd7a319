package nl.partnershipregistry.projections.query.registry;

import java.util.BitSet;
import java.util.List;

/**
 * Every summary's own parts as the registry list's search reads them ({@link
 * RegistrySearch#ownText}), in one text in the summaries' order, so that a word is looked for in
 * all of them by one scan of one text rather than by visiting every summary: most summaries lack a
 * word of most texts, and are then not visited at all.
 */
final class OwnTexts {

  /** Ends each summary's text: a word of the search, which is letters and digits, holds none. */
  private static final char END = '\n';

  private final String text;
  private final int[] starts;

  private OwnTexts(String text, int[] starts) {
    this.text = text;
    this.starts = starts;
  }

  /** The texts of the summaries, in order. */
  static OwnTexts of(List<String> ownTexts) {
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
    return new OwnTexts(text.toString(), starts);
  }

  /** The summaries whose own text holds the word (a plain word, without line breaks), by index. */
  BitSet holding(String word) {
    BitSet holding = new BitSet(starts.length);
    int at = text.indexOf(word);
    while (at >= 0) {
      int summary = summaryAt(at);
      holding.set(summary);
      // The rest of this summary's text can only tell the same.
      int next = summary + 1 < starts.length ? starts[summary + 1] : text.length();
      at = text.indexOf(word, next);
    }
    return holding;
  }

  private int summaryAt(int position) {
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
