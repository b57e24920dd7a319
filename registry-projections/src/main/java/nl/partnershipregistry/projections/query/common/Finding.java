package nl.partnershipregistry.projections.query.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the registry found, as the key of a text and that text's arguments, so that a page can say
 * it in its own language without computing anything: the English text of {@code key} with these
 * arguments ({@link Findings#english}) is the answer's English sentence beside it (an indicator's
 * {@code value}, a warning's {@code message}), which is made from it. The texts are in {@code
 * findings.properties} beside this class, and under the same keys in the pages' messages.
 *
 * <p>An argument is one of: a name, identifier or a source's own words (a string, said as it is; an
 * empty string where an optional part is absent); a count ({@code Long} or {@code Integer}); a
 * decimal ({@code BigDecimal}, written with the digits it has); a {@link Percent}; an amount in
 * {@link Euros}; a day ({@code LocalDate}), a fact's date with its precision ({@code FactDate}) or
 * a year ({@code Year}); a {@code Quantity}; an enum constant (its name; a page says its label); a
 * nested {@code Finding}; or {@link Joined} items.
 */
public record Finding(String key, List<Object> arguments) {

  public Finding {
    Objects.requireNonNull(key, "key");
    arguments =
        arguments == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(arguments)); // may hold null
  }

  public static Finding of(String key, Object... arguments) {
    return new Finding(key, Arrays.asList(arguments));
  }

  /** A fraction said as a whole percentage: 0.65 as "65%". */
  public record Percent(BigDecimal fraction) {

    /** The percentage as the English sentences say it: 0.65 as "65%". */
    public String english() {
      return fraction.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN) + "%";
    }
  }

  /** Something a finding may name by the question it asks, such as a durability condition. */
  public interface Question {
    String question();
  }

  /** An amount in euros: "EUR 800000" in the English sentence, "€ 800.000,00" on a Dutch page. */
  public record Euros(BigDecimal euros) {}

  /** Items said one after another, with {@code separator} (", " or "; ") between them. */
  public record Joined(String separator, List<Object> items) {

    public Joined {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    public static Joined of(String separator, List<?> items) {
      return new Joined(separator, new ArrayList<>(items));
    }
  }
}
