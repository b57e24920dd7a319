package nl.partnershipregistry.projections.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProRataTest {

  @Test
  void one_hundred_euros_over_three_years_of_days_add_up_to_one_hundred_exactly() {
    Map<Integer, BigDecimal> years =
        ProRata.perYear(
            new BigDecimal("100"), LocalDate.parse("2021-01-01"), LocalDate.parse("2023-12-31"));

    // 365 + 365 + 365 days: 33.33 and 33.33, and the last year takes the remainder.
    assertThat(years.get(2021)).isEqualByComparingTo("33.33");
    assertThat(years.get(2022)).isEqualByComparingTo("33.33");
    assertThat(years.get(2023)).isEqualByComparingTo("33.34");
  }

  @Test
  void a_period_within_one_year_counts_wholly_in_it() {
    assertThat(
            ProRata.perYear(
                new BigDecimal("5000"),
                LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-03-31")))
        .containsOnlyKeys(2024)
        .containsValue(new BigDecimal("5000.00"));
  }
}
