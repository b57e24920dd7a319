package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.query.cohort.CohortOutcomes;
import nl.partnershipregistry.projections.query.cohort.FindCohortOutcomes;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * STBK in two cohorts: 40 enrolled in 2001 (30 graduated, 6 dropped out), 35 in 2004 (25 graduated,
 * 4 dropped out). By hand: 75 enrolled, 55 graduated, 10 dropped out, 10 still enrolled; completion
 * 55 / 75 = 0.7333.
 */
class CohortOutcomesTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story stbk = new Story("stbk");

  CohortOutcomesTest() {
    stbk.registered("2001", "STBK", PartnershipKind.DUAL_TRAJECTORY);
    stbk.cohort("2001-09", "intake-2001", 40);
    stbk.cohort("2004-09", "intake-2004", 35);
    stbk.droppedOut("2003", "intake-2001", 6);
    stbk.graduated("2005-07", "intake-2001", 30);
    stbk.droppedOut("2006", "intake-2004", 4);
    stbk.graduated("2008-07", "intake-2004", 25);
    readModels.feed(stbk.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private CohortOutcomes on(String asOf) {
    return readModels
        .partnerships()
        .handle(new FindCohortOutcomes(stbk.id(), LocalDate.parse(asOf), null))
        .orElseThrow();
  }

  @Test
  void enrolled_dropped_out_graduated_and_completion_rate_in_all_and_per_cohort() {
    CohortOutcomes outcomes = on("2010-01-01");

    assertThat(outcomes.total().enrolled()).isEqualTo(75);
    assertThat(outcomes.total().graduated()).isEqualTo(55);
    assertThat(outcomes.total().droppedOut()).isEqualTo(10);
    assertThat(outcomes.total().stillEnrolled()).isEqualTo(10);
    assertThat(outcomes.total().completionRate()).isEqualByComparingTo("0.7333");
    assertThat(outcomes.cohorts().get(0).outcome().completionRate()).isEqualByComparingTo("0.75");
  }

  @Test
  void each_count_says_how_exact_it_is_and_a_sum_is_at_least_when_a_part_is() {
    Story civil = new Story("civil");
    civil.registered("2020", "CIVIL", PartnershipKind.COVE_CIV);
    civil.cohort("2021", "installers", 75, Exactness.AT_LEAST);
    civil.cohort("2021", "side-entrants", 4, Exactness.EXACT);
    civil.cohort("2021", "evc", 10, Exactness.APPROXIMATE);
    readModels.feed(civil.events().toArray());

    CohortOutcomes outcomes =
        readModels
            .partnerships()
            .handle(new FindCohortOutcomes(civil.id(), LocalDate.parse("2022-01-01"), null))
            .orElseThrow();

    assertThat(outcomes.cohorts())
        .extracting(c -> c.cohortId().value(), c -> c.outcome().enrolledExactness())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("installers", Exactness.AT_LEAST),
            org.assertj.core.groups.Tuple.tuple("side-entrants", Exactness.EXACT),
            org.assertj.core.groups.Tuple.tuple("evc", Exactness.APPROXIMATE));
    assertThat(outcomes.cohorts().get(0).outcome().approximate()).isTrue();
    assertThat(outcomes.cohorts().get(1).outcome().approximate()).isFalse();
    assertThat(outcomes.total().enrolled()).isEqualTo(89);
    assertThat(outcomes.total().enrolledExactness()).isEqualTo(Exactness.AT_LEAST);
    assertThat(outcomes.total().graduatedExactness()).isEqualTo(Exactness.EXACT);
    assertThat(on("2010-01-01").total().enrolledExactness())
        .as("STBK's counts are exact")
        .isEqualTo(Exactness.EXACT);
  }

  @Test
  void outcomes_dated_after_the_valid_date_do_not_count_yet() {
    CohortOutcomes outcomes = on("2005-12-31");

    assertThat(outcomes.total().graduated()).isEqualTo(30);
    assertThat(outcomes.total().stillEnrolled()).isEqualTo(39);
  }

  @Test
  void a_cohort_nobody_has_finished_yet_has_no_completion_rate_rather_than_none_completing() {
    CohortOutcomes outcomes = on("2002-06-01");

    assertThat(outcomes.total().enrolled()).isEqualTo(40);
    assertThat(outcomes.total().completionRate()).isNull();
    assertThat(outcomes.total().dropoutRate()).isNull();
    CohortOutcomes later = on("2004-12-31");
    assertThat(later.cohorts().get(0).outcome().completionRate()).isEqualByComparingTo("0");
    assertThat(later.cohorts().get(1).outcome().completionRate()).isNull();
  }
}
