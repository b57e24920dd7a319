package nl.partnershipregistry.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.partnershipregistry.api.command.InvalidInput;
import org.junit.jupiter.api.Test;

class TimeParametersTest {

  @Test
  void as_of_a_year_or_a_month_means_its_last_day() {
    assertThat(TimeParameters.day("asOf", "2005")).isEqualTo(LocalDate.of(2005, 12, 31));
    assertThat(TimeParameters.day("asOf", "2008-02")).isEqualTo(LocalDate.of(2008, 2, 29));
    assertThat(TimeParameters.day("asOf", " 2007-07-01 ")).isEqualTo(LocalDate.of(2007, 7, 1));
    assertThat(TimeParameters.day("asOf", "")).isNull();
  }

  @Test
  void anything_else_is_refused_naming_the_parameter_and_what_it_takes() {
    for (String wrong :
        new String[] {"2005-13", "2005-02-30", "05", "20051", "1 June", "2005-6", "２００５"}) {
      assertThatThrownBy(() -> TimeParameters.day("asOf", wrong))
          .as(wrong)
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("a year (2015) or a month (2015-06)")
          .extracting(e -> ((InvalidInput) e).field())
          .isEqualTo("asOf");
    }
  }
}
