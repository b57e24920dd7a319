package nl.partnershipregistry.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.command.DiscontinuePartnership;
import nl.partnershipregistry.core.partnership.command.EnrolCohort;
import nl.partnershipregistry.core.partnership.command.RecordCommitment;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value rules every message relies on: a value that cannot stand in the registry is refused
 * with an {@link InvalidValue} that names the offending field, before any aggregate sees it.
 */
class ValueObjectsTest {

  private static final PartnershipId STBK = PartnershipId.of("stbk");
  private static final OrganisationId HITECS = OrganisationId.of("hitecs");
  private static final SourceCitation SOURCE = SourceCitation.of("seed.txt", "passage");
  private static final Recording RECORDED = Recording.of(Instant.EPOCH, "registrar");

  private static void assertRefused(ThrowingCallable making, String field) {
    assertThatThrownBy(making)
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(field + ": ");
  }

  @Nested
  class FactDates {

    @Test
    void can_parse_and_print_each_precision_as_the_source_gives_it() {
      assertThat(FactDate.parse("2008")).isEqualTo(FactDate.year(2008));
      assertThat(FactDate.parse("2008-03")).isEqualTo(FactDate.month(2008, 3));
      assertThat(FactDate.parse("2008-03-15")).isEqualTo(FactDate.day(2008, 3, 15));
      assertThat(FactDate.parse(" 2008-03 ").toString()).isEqualTo("2008-03");
      assertThat(FactDate.year(2008).toString()).isEqualTo("2008");
      assertThat(FactDate.month(2008, 3).toString()).isEqualTo("2008-03");
      assertThat(FactDate.day(2008, 3, 15).toString()).isEqualTo("2008-03-15");
    }

    @Test
    void can_parse_and_print_circa_and_bounded_dates_in_the_extended_date_format() {
      assertThat(FactDate.parse("2009~"))
          .isEqualTo(FactDate.year(2009).qualified(DateQualifier.CIRCA));
      assertThat(FactDate.parse("[..2021-05]"))
          .isEqualTo(FactDate.month(2021, 5).qualified(DateQualifier.NO_LATER_THAN));
      assertThat(FactDate.parse("[2015..]"))
          .isEqualTo(FactDate.year(2015).qualified(DateQualifier.NO_EARLIER_THAN));
      for (String written : List.of("2009~", "2009-03-15~", "[..2026-11-23]", "[2015-06..]")) {
        assertThat(FactDate.parse(written).toString()).isEqualTo(written);
      }
      assertThat(FactDate.parse("2009~").stated()).isEqualTo("2009");
      assertThat(FactDate.parse("2009")).isNotEqualTo(FactDate.parse("2009~"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~2009", "2009~~", "[2009]", "[..2009..]", "[..]", "[..2009", "2009?"})
    void cannot_parse_a_malformed_qualified_date(String text) {
      assertRefused(() -> FactDate.parse(text), "date");
    }

    @Test
    void stands_between_two_dates_for_any_day_of_the_period_and_counts_from_its_last_day() {
      FactDate between = FactDate.parse("[2005..2008]");
      assertThat(between).isEqualTo(FactDate.between(FactDate.year(2005), FactDate.year(2008)));
      assertThat(between.toString()).isEqualTo("[2005..2008]");
      assertThat(FactDate.parse("[2005-03..2008-06-30]").toString())
          .isEqualTo("[2005-03..2008-06-30]");
      assertThat(between.earliest()).isEqualTo(LocalDate.of(2005, 1, 1));
      assertThat(between.latest()).isEqualTo(LocalDate.of(2008, 12, 31));
      assertThat(between.countsFrom()).isEqualTo(LocalDate.of(2008, 12, 31));
      assertThat(between.isBounded()).isTrue();
      assertThat(between.happenedBy(LocalDate.of(2006, 1, 1))).isNull();
      assertThat(between.happenedBy(LocalDate.of(2004, 12, 31))).isFalse();
      assertThat(between.happenedBy(LocalDate.of(2008, 12, 31))).isTrue();
      assertThat(between).isGreaterThan(FactDate.year(2008)).isLessThan(FactDate.year(2009));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2008..2005]", "[2005..2005]", "[2005-06..2005]", "[2005..2008~]"})
    void cannot_make_a_period_whose_second_date_does_not_follow_the_first(String text) {
      assertRefused(() -> FactDate.parse(text), "date");
    }

    @Test
    void
        stands_circa_for_one_unit_of_its_precision_either_side_and_counts_from_the_stated_period() {
      FactDate circa = FactDate.parse("2009~");
      assertThat(circa.earliest()).isEqualTo(LocalDate.of(2008, 1, 1));
      assertThat(circa.latest()).isEqualTo(LocalDate.of(2010, 12, 31));
      assertThat(circa.countsFrom()).isEqualTo(LocalDate.of(2009, 1, 1));
      assertThat(circa.lastDay()).isEqualTo(LocalDate.of(2009, 12, 31));
      FactDate month = FactDate.parse("2009-01~");
      assertThat(month.earliest()).isEqualTo(LocalDate.of(2008, 12, 1));
      assertThat(month.latest()).isEqualTo(LocalDate.of(2009, 2, 28));
    }

    @Test
    void
        leaves_open_the_side_a_bound_does_not_give_and_counts_from_the_day_it_certainly_happened() {
      FactDate byThen = FactDate.parse("[..2021-05]");
      assertThat(byThen.earliest()).isEqualTo(LocalDate.of(1800, 1, 1));
      assertThat(byThen.latest()).isEqualTo(LocalDate.of(2021, 5, 31));
      assertThat(byThen.countsFrom()).isEqualTo(LocalDate.of(2021, 5, 31));
      assertThat(byThen.isBounded()).isTrue();
      FactDate since = FactDate.parse("[2015..]");
      assertThat(since.earliest()).isEqualTo(LocalDate.of(2015, 1, 1));
      assertThat(since.latest()).isEqualTo(LocalDate.of(9999, 12, 31));
      assertThat(since.countsFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
      assertThat(FactDate.parse("2009~").isBounded()).isFalse();
    }

    @Test
    void says_whether_a_fact_had_happened_by_a_day_and_when_its_date_leaves_that_open() {
      LocalDate endOf2020 = LocalDate.of(2020, 12, 31);
      assertThat(FactDate.year(2020).happenedBy(endOf2020)).isTrue();
      assertThat(FactDate.year(2021).happenedBy(endOf2020)).isFalse();
      assertThat(FactDate.year(2020).happenedBy(LocalDate.of(2020, 6, 30))).isNull();
      assertThat(FactDate.parse("2019~").happenedBy(endOf2020)).isTrue();
      assertThat(FactDate.parse("2022~").happenedBy(endOf2020)).isFalse();
      assertThat(FactDate.parse("2021~").happenedBy(endOf2020)).isNull();
      assertThat(FactDate.parse("[..2020-06]").happenedBy(endOf2020)).isTrue();
      assertThat(FactDate.parse("[..2026-11-23]").happenedBy(endOf2020)).isNull();
      assertThat(FactDate.parse("[2021..]").happenedBy(endOf2020)).isFalse();
      assertThat(FactDate.parse("[2015..]").happenedBy(endOf2020)).isNull();
    }

    @Test
    void is_certainly_after_a_day_only_under_every_reading_of_its_qualifier() {
      LocalDate day = LocalDate.of(2026, 11, 23);
      assertThat(FactDate.parse("[2026-11-24..]").isCertainlyAfter(day)).isTrue();
      assertThat(FactDate.parse("2027~").isCertainlyAfter(day)).isFalse();
      assertThat(FactDate.parse("2028~").isCertainlyAfter(day)).isTrue();
      assertThat(FactDate.parse("[..2030]").isCertainlyAfter(day)).isFalse();
    }

    @Test
    void orders_a_bound_by_the_day_it_counts_from() {
      assertThat(FactDate.parse("[..2021-05]")).isGreaterThan(FactDate.month(2021, 5));
      assertThat(FactDate.parse("[..2021-05]")).isLessThan(FactDate.month(2021, 6));
      assertThat(FactDate.year(2009)).isLessThan(FactDate.parse("2009~"));
    }

    @Test
    void accepts_a_period_whose_end_may_follow_its_start_under_some_reading() {
      assertThat(DateRange.between(FactDate.parse("2010~"), FactDate.year(2009)).until())
          .isEqualTo(FactDate.year(2009));
      assertRefused(
          () -> DateRange.between(FactDate.year(2010), FactDate.parse("[..2009]")), "period.until");
    }

    @Test
    void can_read_back_what_it_prints() {
      for (FactDate date :
          List.of(FactDate.year(2008), FactDate.month(2008, 3), FactDate.day(2008, 3, 15))) {
        assertThat(FactDate.parse(date.toString())).isEqualTo(date);
      }
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"08", "2008-13", "2008-02-30", "March 2008", "2008-3", "", "2008/03/15", "1700"})
    void cannot_parse_a_malformed_date(String text) {
      assertRefused(() -> FactDate.parse(text), "date");
    }

    @Test
    void cannot_parse_a_missing_date() {
      assertRefused(() -> FactDate.parse(null), "date");
    }

    @Test
    void normalises_a_month_or_year_to_the_first_day_of_its_period() {
      LocalDate ninthOfJuly = LocalDate.of(2008, 7, 9);
      assertThat(new FactDate(ninthOfJuly, Precision.MONTH)).isEqualTo(FactDate.month(2008, 7));
      assertThat(new FactDate(ninthOfJuly, Precision.YEAR)).isEqualTo(FactDate.year(2008));
      assertThat(new FactDate(ninthOfJuly, Precision.YEAR).date())
          .isEqualTo(LocalDate.of(2008, 1, 1));
      assertThat(new FactDate(ninthOfJuly, Precision.DAY).date()).isEqualTo(ninthOfJuly);
    }

    @Test
    void stands_for_the_whole_of_its_month_or_year() {
      FactDate year = FactDate.year(2008);
      assertThat(year.earliest()).isEqualTo(LocalDate.of(2008, 1, 1));
      assertThat(year.latest()).isEqualTo(LocalDate.of(2008, 12, 31));
      assertThat(FactDate.month(2008, 2).latest()).isEqualTo(LocalDate.of(2008, 2, 29));
      assertThat(FactDate.day(2008, 2, 3).latest()).isEqualTo(LocalDate.of(2008, 2, 3));
    }

    @Test
    void is_certainly_after_a_day_only_when_its_first_day_is() {
      assertThat(FactDate.year(2008).isCertainlyAfter(LocalDate.of(2007, 12, 31))).isTrue();
      assertThat(FactDate.year(2008).isCertainlyAfter(LocalDate.of(2008, 1, 1))).isFalse();
      assertThat(FactDate.month(2008, 6).isCertainlyAfter(LocalDate.of(2008, 6, 15))).isFalse();
    }

    @Test
    void orders_by_first_day_then_the_finer_precision_first() {
      assertThat(FactDate.day(2008, 1, 1)).isLessThan(FactDate.month(2008, 1));
      assertThat(FactDate.month(2008, 1)).isLessThan(FactDate.year(2008));
      assertThat(FactDate.year(2008)).isLessThan(FactDate.day(2008, 1, 2));
    }

    @Test
    void can_date_facts_from_1800_to_9999() {
      assertThat(FactDate.year(1800).date()).isEqualTo(LocalDate.of(1800, 1, 1));
      assertThat(FactDate.day(9999, 12, 31).date()).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void cannot_date_facts_outside_1800_to_9999() {
      assertRefused(() -> FactDate.year(1799), "date");
      assertRefused(() -> FactDate.year(10000), "date");
      assertRefused(() -> FactDate.of(LocalDate.of(1799, 12, 31)), "date");
    }

    @Test
    void cannot_make_a_day_that_does_not_exist() {
      assertRefused(() -> FactDate.day(2007, 2, 29), "date");
      assertRefused(() -> FactDate.month(2008, 13), "date");
    }

    @Test
    void cannot_make_a_date_without_day_or_precision() {
      assertRefused(() -> new FactDate(null, Precision.DAY), "date");
      assertRefused(() -> new FactDate(LocalDate.of(2008, 1, 1), null), "precision");
    }
  }

  @Nested
  class Periods {

    @Test
    void can_end_a_period_on_or_after_its_start() {
      assertThat(DateRange.between(FactDate.year(2001), FactDate.year(2008)).until())
          .isEqualTo(FactDate.year(2008));
      assertThat(DateRange.between(FactDate.day(2008, 5, 1), FactDate.day(2008, 5, 1)).from())
          .isEqualTo(FactDate.day(2008, 5, 1));
    }

    @Test
    void can_end_a_period_within_the_year_it_starts_in_when_the_start_is_only_a_year() {
      assertThat(DateRange.between(FactDate.month(2008, 5), FactDate.year(2008)).until())
          .isEqualTo(FactDate.year(2008));
      assertThat(DateRange.between(FactDate.year(2008), FactDate.month(2008, 5)).until())
          .isEqualTo(FactDate.month(2008, 5));
    }

    @Test
    void cannot_end_a_period_before_it_starts() {
      assertRefused(
          () -> DateRange.between(FactDate.year(2008), FactDate.year(2007)), "period.until");
      assertRefused(
          () -> DateRange.between(FactDate.day(2008, 5, 2), FactDate.day(2008, 5, 1)),
          "period.until");
    }

    @Test
    void can_leave_a_period_open_ended() {
      DateRange open = DateRange.from(FactDate.year(2018));
      assertThat(open.isOpenEnded()).isTrue();
      assertThat(open.toString()).isEqualTo("2018..");
    }

    @Test
    void cannot_make_a_period_without_a_start() {
      assertRefused(() -> DateRange.between(null, FactDate.year(2008)), "period.from");
    }
  }

  @Nested
  class AmountsAndQuantities {

    @Test
    void can_hold_no_money_or_more() {
      assertThat(Money.euros(0).euros()).isZero();
      assertThat(Money.euros("1250.50").euros()).isEqualByComparingTo("1250.50");
    }

    @Test
    void cannot_hold_a_negative_amount_of_money() {
      assertRefused(() -> Money.euros(-1), "amount");
      assertRefused(() -> Money.euros("-0.01"), "amount");
    }

    @Test
    void cannot_hold_an_amount_of_money_that_is_not_a_number() {
      assertRefused(() -> Money.euros("ten"), "amount");
      assertRefused(() -> new Money(null), "amount");
    }

    @Test
    void adds_and_compares_amounts_of_money() {
      assertThat(Money.euros(60_000).plus(Money.euros(40_000))).isEqualTo(Money.euros(100_000));
      assertThat(Money.euros(100_001).exceeds(Money.euros(100_000))).isTrue();
      assertThat(Money.euros(100_000).exceeds(Money.euros(100_000))).isFalse();
    }

    @Test
    void holds_an_amount_exactly_to_the_cent() {
      assertThat(Money.euros("1234567890123.45").euros())
          .isEqualTo(new BigDecimal("1234567890123.45"));
      assertThat(new Quantity(new BigDecimal("1.5"), Unit.HOURS).amount()).isEqualTo("1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890.123456789", "0.001", "1e-400", "1E-3"})
    void cannot_hold_more_decimals_than_cents_rather_than_rounding(String euros) {
      assertRefused(() -> Money.euros(euros), "amount");
      assertRefused(() -> new Quantity(new BigDecimal(euros), Unit.EUR), "quantity.amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000", "1e400", "1E+999999999"})
    void cannot_hold_an_amount_of_fourteen_digits_or_more(String euros) {
      assertRefused(() -> Money.euros(euros), "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661\u0662", "\uff11", "1,5", "NaN", "Infinity", " 1"})
    void cannot_read_an_amount_in_other_than_ascii_digits(String euros) {
      assertRefused(() -> Money.euros(euros), "amount");
    }

    @Test
    void can_count_nothing_or_more_in_a_unit() {
      assertThat(Quantity.of(0, Unit.PLACES).amount()).isZero();
      assertThat(Quantity.of(75, Unit.PERSONS).toString()).isEqualTo("75 PERSONS");
    }

    @Test
    void cannot_count_a_negative_quantity() {
      assertRefused(() -> Quantity.of(-5, Unit.HOURS), "quantity.amount");
    }

    @Test
    void cannot_count_a_quantity_without_a_unit() {
      assertRefused(() -> new Quantity(BigDecimal.TEN, null), "quantity.unit");
    }

    @Test
    void equals_the_same_amount_whatever_its_scale() {
      assertThat(new Quantity(new BigDecimal("75.0"), Unit.PERSONS))
          .isEqualTo(Quantity.of(75, Unit.PERSONS));
      assertThat(Money.euros("1000.00")).isEqualTo(Money.euros(1000));
      assertThat(Money.euros("1E+3")).isEqualTo(Money.euros(1000));
    }

    @Test
    void compares_quantities() {
      assertThat(Quantity.of(60, Unit.HOURS).isLessThan(Quantity.of(100, Unit.HOURS))).isTrue();
      assertThat(Quantity.of(100, Unit.HOURS).isLessThan(Quantity.of(100, Unit.HOURS))).isFalse();
    }
  }

  @Nested
  class Identifiers {

    @ParameterizedTest
    @ValueSource(
        strings = {"stbk", "luchtvaartcollege-schiphol", "CEW_2011", "kvk-12345678", "a.b"})
    void can_identify_by_letters_digits_and_separators(String value) {
      assertThat(PartnershipId.of(value).value()).isEqualTo(value);
    }

    @Test
    void can_be_up_to_100_characters_long() {
      assertThat(FactId.of("x".repeat(100)).value()).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "-stbk",
          ".stbk",
          "a b",
          "../etc/passwd",
          "stbk/2",
          "stbk?x=1",
          "é",
          "kvk:12345678",
          "\u0661\u0662"
        })
    void cannot_identify_by_what_is_unsafe_in_a_path(String value) {
      assertRefused(() -> PartnershipId.of(value), "partnershipId");
    }

    @Test
    void cannot_be_longer_than_100_characters() {
      assertRefused(() -> FactId.of("x".repeat(101)), "factId");
    }

    @Test
    void names_the_identifier_that_is_missing() {
      assertRefused(() -> PartnershipId.of(null), "partnershipId");
      assertRefused(() -> OrganisationId.of(null), "organisationId");
      assertRefused(() -> CommitmentId.of(null), "commitmentId");
      assertRefused(() -> CohortId.of(" "), "cohortId");
    }
  }

  @Nested
  class Texts {

    @Test
    void trims_a_name() {
      assertThat(Require.name("  STBK  ", "name")).isEqualTo("STBK");
    }

    @Test
    void cannot_leave_a_required_name_or_text_blank_or_missing() {
      assertRefused(() -> Require.name("   ", "name"), "name");
      assertRefused(() -> Require.name(null, "name"), "name");
      assertRefused(() -> Require.text("\n\t", "summary"), "summary");
    }

    @Test
    void can_make_a_name_of_up_to_200_characters() {
      assertThat(Require.name("x".repeat(Require.NAME_LENGTH), "name")).hasSize(200);
    }

    @Test
    void cannot_make_a_name_longer_than_200_characters() {
      assertRefused(() -> Require.name("x".repeat(Require.NAME_LENGTH + 1), "name"), "name");
    }

    @Test
    void can_write_free_text_of_up_to_4000_characters() {
      assertThat(Require.text("x".repeat(Require.TEXT_LENGTH), "summary")).hasSize(4_000);
    }

    @Test
    void cannot_write_free_text_longer_than_4000_characters() {
      assertRefused(() -> Require.text("x".repeat(Require.TEXT_LENGTH + 1), "summary"), "summary");
      assertRefused(
          () -> Require.optionalText("x".repeat(Require.TEXT_LENGTH + 1), "goal"), "goal");
    }

    @Test
    void can_break_free_text_into_lines_and_tabs() {
      assertThat(Require.text("first line\n\tsecond line", "summary"))
          .isEqualTo("first line\n\tsecond line");
    }

    @Test
    void cannot_put_control_characters_in_a_text() {
      assertRefused(() -> Require.name("a\u0000b", "name"), "name");
      assertRefused(() -> Require.text("bell\u0007", "summary"), "summary");
      assertRefused(() -> Require.optionalName("esc\u001b[0m", "region"), "region");
    }

    @Test
    void cannot_put_half_a_surrogate_pair_in_a_text() {
      assertRefused(() -> Require.text("\ud800", "summary"), "summary");
      assertRefused(() -> Require.name("HiTecs \udc00", "name"), "name");
      assertRefused(() -> Require.optionalText("a\ud83d", "goal"), "goal");
      assertThat(Require.name("\ud83d\ude42 STBK", "name")).isEqualTo("\ud83d\ude42 STBK");
    }

    @Test
    void leaves_an_optional_text_out_when_it_is_blank() {
      assertThat(Require.optionalText("  ", "explanation")).isNull();
      assertThat(Require.optionalText(null, "explanation")).isNull();
      assertThat(Require.optionalName(" Amsterdam ", "region")).isEqualTo("Amsterdam");
    }

    @Test
    void can_list_up_to_100_findings() {
      assertThat(Require.texts(Collections.nCopies(100, "finding"), "findings")).hasSize(100);
      assertThat(Require.texts(null, "findings")).isEmpty();
    }

    @Test
    void cannot_list_more_than_100_findings_or_a_blank_one() {
      assertRefused(
          () -> Require.texts(Collections.nCopies(101, "finding"), "findings"), "findings");
      assertRefused(() -> Require.texts(List.of("one", " "), "findings"), "findings");
    }

    @Test
    void names_who_recorded_a_fact() {
      assertRefused(() -> Recording.of(Instant.EPOCH, " "), "recordedBy");
      assertRefused(() -> Recording.of(null, "registrar"), "recordedAt");
    }

    @Test
    void records_the_time_to_the_millisecond() {
      assertThat(Recording.of(Instant.parse("2026-11-23T10:00:00.123456Z"), "registrar").at())
          .isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
    }
  }

  @Nested
  class Sources {

    @Test
    void can_cite_a_web_address() {
      assertThat(new SourceCitation("doc", null, "https://www.katapult.nl/", null).url())
          .isEqualTo("https://www.katapult.nl/");
      assertThat(new SourceCitation("doc", null, "http://example.org/report.pdf", null).url())
          .isEqualTo("http://example.org/report.pdf");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"javascript:alert(1)", "ftp://example.org/x", "www.katapult.nl", "https://"})
    void cannot_cite_an_address_that_is_not_http_or_https(String url) {
      assertRefused(() -> new SourceCitation("doc", null, url, null), "source.url");
    }

    @Test
    void leaves_a_blank_address_out() {
      assertThat(new SourceCitation("doc", "p. 3", " ", null).url()).isNull();
    }

    @Test
    void cannot_cite_a_source_without_its_document() {
      assertRefused(() -> SourceCitation.of(" ", "p. 3"), "source.document");
    }
  }

  @Nested
  class Commands {

    @Test
    void cannot_discontinue_without_a_reason() {
      assertRefused(
          () ->
              new DiscontinuePartnership(
                  STBK,
                  FactId.of("d"),
                  FactDate.year(2008),
                  null,
                  "the crisis",
                  null,
                  SOURCE,
                  RECORDED),
          "reason");
    }

    @Test
    void can_discontinue_with_a_reason_and_no_explanation() {
      DiscontinuePartnership discontinuation =
          new DiscontinuePartnership(
              STBK,
              FactId.of("d"),
              FactDate.year(2008),
              DiscontinuationReason.ECONOMIC_DOWNTURN,
              " ",
              null,
              SOURCE,
              RECORDED);
      assertThat(discontinuation.reason()).isEqualTo(DiscontinuationReason.ECONOMIC_DOWNTURN);
      assertThat(discontinuation.explanation()).isNull();
    }

    @Test
    void cannot_record_a_commitment_of_a_negative_quantity() {
      // Refused at the quantity, before the command exists.
      assertRefused(() -> commitment(Quantity.of(-100, Unit.HOURS)), "quantity.amount");
    }

    @Test
    void cannot_record_a_commitment_without_a_quantity() {
      assertRefused(() -> commitment(null), "quantity");
    }

    @Test
    void can_record_a_commitment_of_a_quantity() {
      assertThat(commitment(Quantity.of(100, Unit.HOURS)).quantity())
          .isEqualTo(Quantity.of(100, Unit.HOURS));
    }

    @Test
    void cannot_record_a_fact_without_its_source_or_recording() {
      assertRefused(() -> retraction(null, RECORDED), "source");
      assertRefused(() -> retraction(SOURCE, null), "recorded");
    }

    @Test
    void cannot_register_a_partnership_without_a_name() {
      assertRefused(
          () ->
              new RegisterPartnership(
                  STBK,
                  FactId.of("r"),
                  FactDate.year(2001),
                  "  ",
                  PartnershipKind.DUAL_TRAJECTORY,
                  null,
                  null,
                  null,
                  null,
                  SOURCE,
                  RECORDED),
          "name");
    }

    @Test
    void cannot_enrol_a_cohort_of_nobody() {
      assertRefused(
          () ->
              new EnrolCohort(
                  STBK,
                  FactId.of("e"),
                  FactDate.year(2001),
                  CohortId.of("intake"),
                  "intake 2001",
                  0,
                  false,
                  null,
                  null,
                  SOURCE,
                  RECORDED),
          "participants");
    }

    @Test
    void a_cohort_says_how_exact_its_count_is_and_an_exact_count_is_not_approximate() {
      EnrolCohort atLeast =
          new EnrolCohort(
              STBK,
              FactId.of("e"),
              FactDate.year(2001),
              CohortId.of("intake"),
              "ruim 75",
              75,
              false,
              Exactness.AT_LEAST,
              null,
              SOURCE,
              RECORDED);
      assertThat(atLeast.approximate()).isTrue();
      assertThat(atLeast.toFact().exactness()).isEqualTo(Exactness.AT_LEAST);
      EnrolCohort flagged =
          new EnrolCohort(
              STBK,
              FactId.of("e"),
              FactDate.year(2001),
              CohortId.of("intake"),
              "zo'n 75",
              75,
              true,
              null,
              null,
              SOURCE,
              RECORDED);
      assertThat(flagged.exactness()).isEqualTo(Exactness.APPROXIMATE);
      assertRefused(
          () ->
              new EnrolCohort(
                  STBK,
                  FactId.of("e"),
                  FactDate.year(2001),
                  CohortId.of("intake"),
                  "75",
                  75,
                  true,
                  Exactness.EXACT,
                  null,
                  SOURCE,
                  RECORDED),
          "exactness");
    }

    private RecordCommitment commitment(Quantity quantity) {
      return new RecordCommitment(
          STBK,
          FactId.of("c"),
          FactDate.year(2003),
          CommitmentId.of("c1"),
          HITECS,
          CommitmentType.STUDY_TIME,
          quantity,
          DateRange.from(FactDate.year(2003)),
          null,
          SOURCE,
          RECORDED);
    }

    private RetractFact retraction(SourceCitation source, Recording recorded) {
      return new RetractFact(STBK, FactId.of("x"), FactId.of("j"), "not so", source, recorded);
    }
  }

  @Nested
  class SameFacts {

    private final PartnerJoined joined = joined(RECORDED);

    @Test
    void are_the_same_whoever_recorded_them_when() {
      assertThat(SameFact.as(joined, joined(Recording.of(Instant.now(), "another registrar"))))
          .isTrue();
    }

    @Test
    void differ_when_any_value_but_the_recording_differs() {
      PartnerJoined asLead =
          new PartnerJoined(
              STBK,
              FactId.of("j"),
              FactDate.year(2001),
              HITECS,
              PartnerRole.LEAD,
              SOURCE,
              RECORDED);
      assertThat(SameFact.as(joined, asLead)).isFalse();
      assertThat(SameFact.as(joined, null)).isFalse();
    }

    private PartnerJoined joined(Recording recorded) {
      return new PartnerJoined(
          STBK, FactId.of("j"), FactDate.year(2001), HITECS, PartnerRole.CORE, SOURCE, recorded);
    }
  }
}
