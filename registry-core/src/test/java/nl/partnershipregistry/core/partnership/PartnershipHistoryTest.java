package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import org.junit.jupiter.api.Test;

/**
 * The timeline that the rules and the read side share: laid out by first day, and where dates
 * overlap, placed so that facts fit.
 */
class PartnershipHistoryTest {

  private static List<FactId> timelineOf(PartnershipEvent... events) {
    PartnershipHistory history = new PartnershipHistory();
    for (PartnershipEvent event : events) {
      history.add(event);
    }
    return history.timeline().stream().map(PartnershipFact::factId).toList();
  }

  @Test
  void lays_out_facts_of_distinct_periods_by_their_first_day() {
    assertThat(
            timelineOf(
                admit(id("j2003"), HITECS, year(2003)).toFact(),
                registered(),
                admit(id("j2002"), HVA, month(2002, 5)).toFact()))
        .containsExactly(REGISTRATION, id("j2002"), id("j2003"));
  }

  @Test
  void on_one_first_day_lays_out_the_coarser_date_first_whatever_was_recorded_first() {
    assertThat(
            timelineOf(
                registered(),
                evaluate(id("month"), month(2019, 1)).toFact(),
                evaluate(id("day"), day(2019, 1, 1)).toFact(),
                evaluate(id("year"), year(2019)).toFact()))
        .containsExactly(REGISTRATION, id("year"), id("month"), id("day"));
  }

  @Test
  void on_one_day_the_discontinuation_is_the_last_fact_whatever_was_recorded_first() {
    assertThat(
            timelineOf(
                registered(),
                discontinue(id("d"), day(2010, 6, 30)).toFact(),
                evaluate(id("e"), day(2010, 6, 30)).toFact()))
        .containsExactly(REGISTRATION, id("e"), id("d"));
  }

  @Test
  void places_a_fact_dated_by_year_after_a_registration_later_in_that_year() {
    assertThat(
            timelineOf(
                registered(month(2018, 2)),
                evaluate(id("e"), year(2018)).toFact(),
                admit(id("j"), HITECS, year(2018)).toFact()))
        .containsExactly(REGISTRATION, id("j"), id("e"));
  }

  @Test
  void places_a_settlement_after_its_commitment_after_the_join_it_needs() {
    assertThat(
            timelineOf(
                registered(),
                fulfil(id("o"), "c1", year(2003)).toFact(),
                commit(id("c"), "c1", HITECS, year(2003)).toFact(),
                admit(id("j"), HITECS, month(2003, 9)).toFact()))
        .containsExactly(REGISTRATION, id("j"), id("c"), id("o"));
  }

  @Test
  void places_a_departure_dated_by_year_after_the_partners_facts_later_that_year() {
    assertThat(
            timelineOf(
                registered(),
                admit(id("j"), HITECS, STARTED).toFact(),
                leave(id("l"), HITECS, year(2006)).toFact(),
                commit(id("c"), "c1", HITECS, month(2006, 5)).toFact(),
                evaluate(id("e"), month(2006, 9)).toFact()))
        .containsExactly(REGISTRATION, id("j"), id("c"), id("l"), id("e"));
  }

  @Test
  void places_a_departure_before_a_join_again_that_needs_it() {
    assertThat(
            timelineOf(
                registered(),
                admit(id("j1"), HITECS, STARTED).toFact(),
                leave(id("l"), HITECS, year(2006)).toFact(),
                admit(id("j2"), HITECS, month(2006, 3)).toFact(),
                commit(id("c"), "c1", HITECS, month(2006, 5)).toFact()))
        .containsExactly(REGISTRATION, id("j1"), id("l"), id("j2"), id("c"));
  }

  @Test
  void leaves_a_fact_that_fits_nowhere_in_its_period_where_it_was_laid_out() {
    assertThat(
            timelineOf(
                registered(month(2018, 2)),
                admit(id("j"), HITECS, year(2017)).toFact(),
                commit(id("c"), "c1", HITECS, month(2018, 1)).toFact()))
        .containsExactly(id("j"), id("c"), REGISTRATION);
  }
}
