package nl.partnershipregistry.projections.query.panel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;

/**
 * A panel dataset: one row per partnership per year in which it existed on 1 July (as the registry
 * knew it at {@code asKnownOn}), ordered by partnership id and year. Every row holds every column
 * of {@link #COLUMNS}, in that order, with stable snake_case names; a value no answer gives is
 * null, never 0. The values are those of the other questions asked for 1 July of the row's year:
 * see {@code docs/panel.md} for each column's source.
 */
public record Panel(int from, int to, Instant asKnownOn, List<String> columns, List<Row> rows) {

  /**
   * One partnership in one year: column name to value (text, whole number, decimal, day or null).
   */
  public record Row(Map<String, Object> cells) {

    public Row {
      cells = Collections.unmodifiableMap(cells);
    }

    public Object get(String column) {
      return cells.get(column);
    }
  }

  /** The columns, in order; one per funding type, per unit and per durability condition. */
  public static final List<String> COLUMNS = allColumns();

  private static List<String> allColumns() {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "partnership_id",
                "name",
                "year",
                "as_of",
                "phase",
                "kind",
                "region",
                "sector",
                "active_partners",
                "active_schools",
                "active_employers",
                "active_others",
                "largest_employer_group_share_partners",
                "employer_hhi_partners",
                "largest_employer_group_share_commitments",
                "employer_hhi_commitments"));
    for (Unit unit : Unit.values()) {
      columns.add("largest_employer_group_share_" + name(unit));
      columns.add("employer_hhi_" + name(unit));
    }
    columns.add("key_persons_active");
    columns.add("subsidy_share");
    columns.add("subsidy_share_at_least");
    columns.add("subsidy_share_at_most");
    for (FundingType type : FundingType.values()) {
      columns.add("funding_" + name(type));
    }
    columns.add("commitments");
    columns.add("fulfilment_rate");
    for (Unit unit : Unit.values()) {
      columns.add("commitments_promised_" + name(unit));
      columns.add("commitments_due_" + name(unit));
      columns.add("commitments_delivered_" + name(unit));
      columns.add("commitments_exactness_" + name(unit));
    }
    columns.addAll(
        List.of(
            "cohort_enrolled",
            "cohort_graduated",
            "cohort_dropped_out",
            "completion_rate",
            "cohort_approximate"));
    for (DurabilityIndicators.Condition condition : DurabilityIndicators.Condition.values()) {
      columns.add("verdict_" + name(condition));
    }
    return List.copyOf(columns);
  }

  /**
   * An enum constant as a column name's part: {@code CONTRACT_REVENUE} is {@code contract_revenue}.
   */
  static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
