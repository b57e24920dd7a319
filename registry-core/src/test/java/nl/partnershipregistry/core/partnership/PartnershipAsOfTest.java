package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import org.junit.jupiter.api.Test;

/** The one fold of a partnership's history: immutable states, the same on every way of reading. */
class PartnershipAsOfTest {

  private static PartnershipHistory history(PartnershipEvent... events) {
    PartnershipHistory history = new PartnershipHistory();
    for (PartnershipEvent event : events) {
      history.add(event);
    }
    return history;
  }

  private final PartnershipHistory stbk =
      history(
          registered(),
          admit(id("joined-hitecs"), HITECS, year(2002)).toFact(),
          changePhase(id("structural"), year(2004), Phase.STRUCTURAL).toFact(),
          admit(id("joined-hva"), HVA, month(2005, 9)).toFact(),
          leave(id("left-hitecs"), HITECS, year(2007)).toFact(),
          discontinued(year(2008)));

  @Test
  void a_fact_taken_into_account_gives_a_new_state_and_leaves_the_one_before_as_it_was() {
    PartnershipAsOf.Step walk = PartnershipAsOf.walkFromTheStart();
    walk.take(registered());
    walk.take(admit(id("joined-hitecs"), HITECS, year(2002)).toFact());
    PartnershipAsOf before = walk.state();

    walk.take(admit(id("joined-hva"), HVA, month(2003, 9)).toFact());
    PartnershipAsOf after = walk.state();

    assertThat(after.activePartners())
        .extracting(PartnershipAsOf.Participation::organisationId)
        .containsExactly(HITECS, HVA);
    assertThat(before.activePartners())
        .extracting(PartnershipAsOf.Participation::organisationId)
        .containsExactly(HITECS);
    assertThat(before.applied()).hasSize(2);
    assertThat(after.applied()).hasSize(3);
  }

  @Test
  void a_departure_ends_the_membership_in_the_new_state_only() {
    PartnershipAsOf.Step walk = PartnershipAsOf.walkFromTheStart();
    walk.take(registered());
    walk.take(admit(id("joined-hitecs"), HITECS, year(2002)).toFact());
    walk.take(admit(id("joined-hva"), HVA, month(2005, 9)).toFact());
    PartnershipAsOf before = walk.state();

    walk.take(leave(id("left-hva"), HVA, year(2006)).toFact());
    PartnershipAsOf after = walk.state();

    assertThat(after.participations())
        .filteredOn(p -> p.organisationId().equals(HVA))
        .singleElement()
        .satisfies(p -> assertThat(p.isActive()).isFalse());
    assertThat(before.participations())
        .filteredOn(p -> p.organisationId().equals(HVA))
        .singleElement()
        .satisfies(p -> assertThat(p.isActive()).isTrue());
  }

  @Test
  void what_a_state_gives_cannot_be_changed_by_its_reader() {
    PartnershipAsOf in2006 = PartnershipAsOf.of(stbk, LocalDate.of(2006, 6, 1));

    assertThatThrownBy(() -> in2006.participations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> in2006.phases().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(PartnershipAsOf.of(stbk, LocalDate.of(2006, 6, 1)).participations()).hasSize(2);
  }

  @Test
  void the_walk_along_the_timeline_finds_on_every_date_what_the_state_on_that_date_finds() {
    NavigableMap<LocalDate, List<Object>> along =
        PartnershipAsOf.along(stbk, PartnershipAsOfTest::reading);

    for (LocalDate day = LocalDate.of(1999, 1, 1);
        day.isBefore(LocalDate.of(2010, 1, 1));
        day = day.plusMonths(1)) {
      Map.Entry<LocalDate, List<Object>> view = along.floorEntry(day);
      assertThat(view.getValue())
          .as("on %s", day)
          .isEqualTo(reading(PartnershipAsOf.of(stbk, day)));
    }
    assertThat(along.lastEntry().getValue())
        .containsExactly(true, Phase.DISCONTINUED, List.of(HVA));
  }

  private static List<Object> reading(PartnershipAsOf state) {
    List<OrganisationId> active =
        state.activePartners().stream().map(PartnershipAsOf.Participation::organisationId).toList();
    return java.util.Arrays.asList(state.hasStarted(), state.phase(), active);
  }
}
