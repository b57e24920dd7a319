package nl.partnershipregistry.projections.query.durability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.common.Finding;

/**
 * The durability conditions of a partnership on a date: every row of the domain's table, and a
 * summary that counts them ("7 of 11 conditions hold, 2 at risk, 2 unknown").
 */
public record DurabilityIndicators(
    PartnershipId partnershipId,
    LocalDate asOf,
    Instant asKnownOn,
    List<Indicator> indicators,
    int holding,
    int atRisk,
    int unknown,
    String summary) {

  /**
   * One condition, judged. {@code value} says in English what was found, {@code finding} says the
   * same as a text's key and arguments (the English text of that key with these arguments is {@code
   * value}), for a page in another language; {@code rule} says how it is judged.
   */
  public record Indicator(
      Condition condition,
      String question,
      String value,
      Finding finding,
      String rule,
      Verdict verdict,
      List<FactId> supportingFacts) {}

  /** How a condition stands. */
  public enum Verdict {
    HOLDS,
    AT_RISK,
    /** The registry holds too few facts to judge. */
    UNKNOWN
  }

  /** The durability questions, from the Windesheim/TNO conditions, Katapult and STBK. */
  public enum Condition implements Finding.Question {
    EMPLOYER_DEMAND("Is there real demand from companies?"),
    EMPLOYER_CONCENTRATION("Does it hang on one employer?"),
    KEY_PERSON_DEPENDENCE("Does it hang on one or two persons?"),
    CRITICAL_MASS("Is there enough mass?"),
    TOP_COMMITMENT("Is the top committed on both sides?"),
    SUBSIDY_DEPENDENCE("Does it live on subsidy?"),
    SURVIVED_SUBSIDY("Did it survive its subsidy?"),
    PARTNER_DELIVERY("Do partners deliver?"),
    FORMAL_PLATFORM("Is there a formal platform?"),
    EDUCATION_MOVES("Does education move with it?"),
    ENDING("Why did it end?");

    private final String question;

    Condition(String question) {
      this.question = question;
    }

    public String question() {
      return question;
    }
  }
}
