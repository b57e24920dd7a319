package nl.partnershipregistry.api.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KatapultType;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import org.springframework.context.MessageSource;

/**
 * What the registry found (a durability indicator's finding, a dossier's warning) said in the
 * page's language: the text of the finding's key in the messages ({@code messages_nl} in Dutch)
 * with its arguments as the page writes them: dates, numbers, shares and euros with {@link
 * Formats}, a quantity with its unit, an enum constant by its label (a condition by its question),
 * a nested finding said the same way. Only the words and formats are the page's: the figures are
 * the answer's. Where the messages hold no text for a key, the answer's own English sentence is
 * shown. The templates reach it as {@code findings}.
 */
public final class FindingSentences {

  /** The messages that label an enum's constants, by their prefix. */
  private static final Map<Class<?>, String> LABELS =
      Map.ofEntries(
          Map.entry(Phase.class, "phase."),
          Map.entry(GovernanceForm.class, "governance."),
          Map.entry(FundingType.class, "fundingtype."),
          Map.entry(KatapultType.class, "katapult."),
          Map.entry(KeyPersonRole.class, "keyrole."),
          Map.entry(Unit.class, "dossier.unit."),
          Map.entry(DiscontinuationReason.class, "reason."),
          Map.entry(FundingMix.Trend.class, "trend."),
          Map.entry(CommitmentType.class, "commitmenttype."),
          Map.entry(SubsidyInstrument.class, "instrument."),
          Map.entry(DurabilityIndicators.Condition.class, "condition."));

  /** Labels said as they are inside a sentence: names of instruments, and questions. */
  private static final Set<Class<?>> PROPER =
      Set.of(SubsidyInstrument.class, DurabilityIndicators.Condition.class);

  private final MessageSource messages;
  private final Locale locale;
  private final Formats fmt;

  FindingSentences(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
    this.fmt = new Formats(locale);
  }

  /** The finding in the page's language; {@code english} when it cannot be said. */
  public String say(Finding finding, String english) {
    if (finding == null) {
      return english;
    }
    String said = sentence(finding);
    return said == null ? english : said;
  }

  /** The finding's text with its arguments, or null when a text is missing. */
  private String sentence(Finding finding) {
    Object[] arguments = new Object[finding.arguments().size()];
    for (int i = 0; i < arguments.length; i++) {
      String argument = argument(finding.arguments().get(i));
      if (argument == null) {
        return null;
      }
      arguments[i] = argument;
    }
    return messages.getMessage(finding.key(), arguments, null, locale);
  }

  private String argument(Object argument) {
    if (argument == null) {
      return messages.getMessage("unknown", null, "", locale);
    }
    if (argument instanceof String text) {
      return text;
    }
    if (argument instanceof Finding finding) {
      return sentence(finding);
    }
    if (argument instanceof Finding.Joined joined) {
      StringBuilder items = new StringBuilder();
      for (Object item : joined.items()) {
        String said = argument(item);
        if (said == null) {
          return null;
        }
        items.append(items.isEmpty() ? "" : joined.separator()).append(said);
      }
      return items.toString();
    }
    if (argument instanceof Finding.Percent percent) {
      return fmt.percent(percent.fraction());
    }
    if (argument instanceof Finding.Euros euros) {
      return fmt.money(euros.euros());
    }
    if (argument instanceof BigDecimal decimal) {
      return decimal(decimal);
    }
    if (argument instanceof Long || argument instanceof Integer) {
      return fmt.number(new BigDecimal(argument.toString()));
    }
    if (argument instanceof LocalDate day) {
      return fmt.day(day);
    }
    if (argument instanceof FactDate date) {
      return fmt.date(date);
    }
    if (argument instanceof Quantity quantity) {
      String stated =
          quantity.unit() == Unit.EUR
              ? fmt.money(quantity.amount())
              : messages.getMessage(
                  "unit." + quantity.unit(),
                  new Object[] {fmt.number(quantity.amount())},
                  quantity.toString(),
                  locale);
      return messages.getMessage(
          "finding.amount." + quantity.exactness(), new Object[] {stated}, stated, locale);
    }
    if (argument instanceof Enum<?> constant) {
      return label(constant);
    }
    return argument.toString();
  }

  /** A constant's label, in lower case inside the sentence ("structureel"); else its name. */
  private String label(Enum<?> constant) {
    String prefix = LABELS.get(constant.getDeclaringClass());
    String label =
        prefix == null ? null : messages.getMessage(prefix + constant.name(), null, null, locale);
    if (label == null) {
      return constant.name();
    }
    if (PROPER.contains(constant.getDeclaringClass())
        || label.length() < 2
        || !Character.isLowerCase(label.charAt(1))) {
      return label;
    }
    return Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  /** A decimal with the digits it has, as the language writes it: "0,5200", "1.234,5". */
  private String decimal(BigDecimal decimal) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    int scale = Math.max(0, decimal.scale());
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(decimal);
  }
}
