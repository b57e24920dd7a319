package nl.partnershipregistry.projections.query.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text as the searches compare it: without accents and in lower case ("École" reads "ecole",
 * "HÌTÉCS" reads "hitecs"), and cut into words at anything that is not a letter or a digit. The
 * registry list and the organisations both search with it, so that they agree on what matches.
 */
public final class PlainText {

  /**
   * How many texts keep their plain form. The questions across partnerships make plain the same
   * names, regions, sectors and goals at every question (five or more per partnership); a lookup of
   * a text the registry holds costs less than making it plain again. Beyond this many the kept
   * forms are dropped and made again as asked.
   */
  static final int KEPT = 100_000;

  private static final Map<String, String> PLAIN = new ConcurrentHashMap<>();

  private PlainText() {}

  /** The text stripped, without accents, in lower case; empty for none. */
  public static String plain(String text) {
    if (text == null) {
      return "";
    }
    String plain = PLAIN.get(text);
    if (plain == null) {
      plain = plainOf(text);
      if (PLAIN.size() >= KEPT) {
        PLAIN.clear();
      }
      PLAIN.put(text, plain);
    }
    return plain;
  }

  private static String plainOf(String text) {
    String stripped = text.strip();
    for (int i = 0; i < stripped.length(); i++) {
      if (stripped.charAt(i) >= 0x80) {
        // Only text beyond ASCII can carry accents; the rest needs no decomposition.
        return Normalizer.normalize(stripped, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
      }
    }
    return stripped.toLowerCase(Locale.ROOT);
  }

  /** The plain text's words, in order: "HiTecs B.V." has the words hitecs, b and v. */
  public static List<String> words(String text) {
    String plain = plain(text);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= plain.length(); i++) {
      boolean inWord = i < plain.length() && Character.isLetterOrDigit(plain.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(plain.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  /**
   * Whether every word of {@code terms} is part of the plain text ("water" of "water technology").
   */
  public static boolean containsAll(String plain, List<String> terms) {
    for (String term : terms) {
      if (!plain.contains(term)) {
        return false;
      }
    }
    return true;
  }
}
