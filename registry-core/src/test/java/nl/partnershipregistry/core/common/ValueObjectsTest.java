package nl.partnershipregistry.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.partnership.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.command.DiscontinuePartnership;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

  private static final SourceCitation SOURCE = SourceCitation.of("seed.txt", "passage");
  private static final Recording RECORDED = Recording.of(Instant.EPOCH, "registrar");

  @Nested
  class FactDates {

    @Test
    void a_date_keeps_its_precision_and_prints_as_the_source_gives_it() {
      assertThat(FactDate.parse("2008")).isEqualTo(FactDate.year(2008));
      assertThat(FactDate.parse("2008").toString()).isEqualTo("2008");
      assertThat(FactDate.parse("2008-03").toString()).isEqualTo("2008-03");
      assertThat(FactDate.parse("2008-03-15").toString()).isEqualTo("2008-03-15");
    }

    @Test
    void a_year_or_month_stands_for_its_whole_period() {
      FactDate year = FactDate.year(2008);
      assertThat(year.earliest()).isEqualTo(LocalDate.of(2008, 1, 1));
      assertThat(year.latest()).isEqualTo(LocalDate.of(2008, 12, 31));
      assertThat(FactDate.month(2008, 2).latest()).isEqualTo(LocalDate.of(2008, 2, 29));
    }

    @Test
    void a_date_is_normalised_to_the_start_of_its_period() {
      assertThat(new FactDate(LocalDate.of(2008, 7, 9), Precision.YEAR))
          .isEqualTo(FactDate.year(2008));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08", "2008-13", "2008-02-30", "March 2008", "2008-3", "", "1700"})
    void malformed_dates_are_refused_naming_the_field(String text) {
      assertThatThrownBy(() -> FactDate.parse(text))
          .isInstanceOf(InvalidValue.class)
          .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("date"));
    }

    @Test
    void a_period_does_not_end_before_it_starts() {
      assertThatThrownBy(() -> DateRange.between(FactDate.year(2008), FactDate.year(2007)))
          .isInstanceOf(InvalidValue.class)
          .hasMessageContaining("period.until");
      assertThat(DateRange.between(FactDate.month(2008, 5), FactDate.year(2008)).until())
          .isEqualTo(FactDate.year(2008));
    }
  }

  @Nested
  class AmountsAndQuantities {

    @Test
    void an_amount_of_money_is_not_negative() {
      assertThatThrownBy(() -> Money.euros(-1)).isInstanceOf(InvalidValue.class);
      assertThat(Money.euros(0).euros()).isZero();
    }

    @Test
    void a_quantity_is_not_negative() {
      assertThatThrownBy(() -> Quantity.of(-5, Unit.HOURS))
          .isInstanceOf(InvalidValue.class)
          .hasMessageContaining("quantity.amount");
    }

    @Test
    void a_quantity_has_a_unit() {
      assertThatThrownBy(() -> new Quantity(BigDecimal.TEN, null))
          .isInstanceOf(InvalidValue.class)
          .hasMessageContaining("quantity.unit");
    }

    @Test
    void equal_amounts_are_equal_whatever_their_scale() {
      assertThat(new Quantity(new BigDecimal("75.0"), Unit.PERSONS))
          .isEqualTo(Quantity.of(75, Unit.PERSONS));
      assertThat(Money.euros("1000.00")).isEqualTo(Money.euros(1000));
    }

    @Test
    void an_amount_must_be_a_number() {
      assertThatThrownBy(() -> Money.euros("ten")).isInstanceOf(InvalidValue.class);
    }
  }

  @Nested
  class TextsAndIdentifiers {

    @Test
    void an_identifier_is_safe_in_a_path() {
      assertThat(PartnershipId.of("luchtvaartcollege-schiphol").value())
          .isEqualTo("luchtvaartcollege-schiphol");
      assertThatThrownBy(() -> PartnershipId.of("../etc/passwd")).isInstanceOf(InvalidValue.class);
      assertThatThrownBy(() -> PartnershipId.of("a b")).isInstanceOf(InvalidValue.class);
      assertThatThrownBy(() -> PartnershipId.of("x".repeat(101))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_name_is_trimmed_and_bounded() {
      assertThat(Require.name("  STBK  ", "name")).isEqualTo("STBK");
      assertThatThrownBy(() -> Require.name("   ", "name")).isInstanceOf(InvalidValue.class);
      assertThatThrownBy(() -> Require.name("x".repeat(201), "name"))
          .isInstanceOf(InvalidValue.class);
      assertThatThrownBy(() -> Require.name("a\u0000b", "name")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void optional_text_left_blank_is_absent() {
      assertThat(Require.optionalText("  ", "explanation")).isNull();
    }

    @Test
    void a_source_url_is_a_web_address() {
      assertThatThrownBy(() -> new SourceCitation("doc", null, "javascript:alert(1)", null))
          .isInstanceOf(InvalidValue.class)
          .hasMessageContaining("source.url");
      assertThat(new SourceCitation("doc", null, "https://www.katapult.nl/", null).url())
          .isEqualTo("https://www.katapult.nl/");
    }

    @Test
    void a_source_names_its_document() {
      assertThatThrownBy(() -> SourceCitation.of(" ", "p. 3")).isInstanceOf(InvalidValue.class);
    }
  }

  @Nested
  class Commands {

    @Test
    void a_discontinuation_needs_a_reason() {
      assertThatThrownBy(
              () ->
                  new DiscontinuePartnership(
                      PartnershipId.of("stbk"),
                      FactId.of("d"),
                      FactDate.year(2008),
                      null,
                      "the crisis",
                      null,
                      SOURCE,
                      RECORDED))
          .isInstanceOf(InvalidValue.class)
          .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("reason"));
      assertThat(
              new DiscontinuePartnership(
                      PartnershipId.of("stbk"),
                      FactId.of("d"),
                      FactDate.year(2008),
                      DiscontinuationReason.ECONOMIC_DOWNTURN,
                      null,
                      null,
                      SOURCE,
                      RECORDED)
                  .reason())
          .isEqualTo(DiscontinuationReason.ECONOMIC_DOWNTURN);
    }

    @Test
    void every_fact_needs_a_source_and_a_recording() {
      assertThatThrownBy(
              () ->
                  new DiscontinuePartnership(
                      PartnershipId.of("stbk"),
                      FactId.of("d"),
                      FactDate.year(2008),
                      DiscontinuationReason.ECONOMIC_DOWNTURN,
                      null,
                      null,
                      null,
                      RECORDED))
          .hasMessageContaining("source");
      assertThatThrownBy(() -> Recording.of(Instant.EPOCH, " ")).hasMessageContaining("recordedBy");
    }
  }
}
