package nl.partnershipregistry.projections.query.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.FactDate;

/**
 * Says a {@link Finding} in the registry's own English: the text of its key in {@code
 * findings.properties} with its arguments as the answers have always written them (counts and
 * decimals plainly, shares as whole percentages, dates in ISO form, an amount as "EUR 800000", enum
 * constants by name, a condition by its question). Every English sentence of an indicator or a
 * warning is made here from its finding, so the two cannot say different things. As the pages'
 * message source does, a text is read as a {@link MessageFormat} pattern only when it has
 * arguments.
 */
public final class Findings {

  /** The English texts, by key: the pages' English messages hold the same under the same keys. */
  public static final String TEXTS = "findings.properties";

  private static final Map<String, String> ENGLISH = load();

  private Findings() {}

  /** Every key with its English text. */
  public static Map<String, String> englishTexts() {
    return ENGLISH;
  }

  /** The finding in the registry's English; a key without a text says its key and arguments. */
  public static String english(Finding finding) {
    String text = ENGLISH.get(finding.key());
    if (text == null) {
      return finding.key() + finding.arguments().stream().map(Findings::plain).toList();
    }
    if (finding.arguments().isEmpty()) {
      return text;
    }
    Object[] arguments = finding.arguments().stream().map(Findings::plain).toArray();
    return new MessageFormat(text, Locale.ENGLISH).format(arguments);
  }

  /** {@code finding.n.<one>} for one, {@code finding.n.<many>} for any other number. */
  public static Finding count(long n, String one, String many) {
    return Finding.of("finding.n." + (n == 1 ? one : many), n);
  }

  private static String plain(Object argument) {
    if (argument instanceof Finding finding) {
      return english(finding);
    }
    if (argument instanceof Finding.Joined joined) {
      return joined.items().stream()
          .map(Findings::plain)
          .collect(Collectors.joining(joined.separator()));
    }
    if (argument instanceof Finding.Percent percent) {
      return percent.english();
    }
    if (argument instanceof Finding.Euros euros) {
      return "EUR " + euros.euros().toPlainString();
    }
    if (argument instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (argument instanceof Finding.Question condition) {
      return condition.question();
    }
    if (argument instanceof Enum<?> constant) {
      return constant.name();
    }
    if (argument instanceof FactDate date) {
      return switch (date.qualifier()) {
        case AS_STATED -> date.stated();
        case CIRCA -> "c. " + date.stated();
        case NO_LATER_THAN -> "no later than " + date.stated();
        case NO_EARLIER_THAN -> "no earlier than " + date.stated();
        case BETWEEN -> "between " + date.stated() + " and " + date.end().stated();
      };
    }
    return String.valueOf(argument);
  }

  private static Map<String, String> load() {
    Properties texts = new Properties();
    try (InputStream in = Findings.class.getResourceAsStream(TEXTS)) {
      if (in == null) {
        throw new IllegalStateException("no " + TEXTS + " beside " + Findings.class.getName());
      }
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> english = new TreeMap<>();
    texts.stringPropertyNames().forEach(key -> english.put(key, texts.getProperty(key)));
    return Collections.unmodifiableMap(english);
  }
}
