package nl.partnershipregistry.projections.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import nl.partnershipregistry.projections.analysis.KaplanMeier.Observation;
import org.junit.jupiter.api.Test;

/**
 * Six partnerships followed for 1, 2, 3, 3, 4 and 5 units of time; those at 2 and 4 were still
 * running when last seen. By hand: at 1, 6 at risk, one ends, S = 5/6; at 2 one is censored; at 3,
 * 4 at risk, two end, S = 5/6 * 2/4 = 5/12; at 4 one is censored; at 5, 1 at risk, it ends, S = 0.
 * The median is 3, the first time S falls to one half or below.
 */
class KaplanMeierTest {

  private final KaplanMeier.Estimate estimate =
      KaplanMeier.estimate(
          List.of(
              new Observation(1, true),
              new Observation(2, false),
              new Observation(3, true),
              new Observation(3, true),
              new Observation(4, false),
              new Observation(5, true)));

  @Test
  void survival_drops_only_when_partnerships_end_and_the_censored_leave_the_risk_set() {
    assertThat(estimate.steps())
        .extracting(KaplanMeier.Step::days, KaplanMeier.Step::atRisk, KaplanMeier.Step::ended)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 6, 1),
            org.assertj.core.groups.Tuple.tuple(2L, 5, 0),
            org.assertj.core.groups.Tuple.tuple(3L, 4, 2),
            org.assertj.core.groups.Tuple.tuple(4L, 2, 0),
            org.assertj.core.groups.Tuple.tuple(5L, 1, 1));
    assertThat(estimate.steps().get(0).survival()).isCloseTo(5.0 / 6, within(1e-9));
    assertThat(estimate.steps().get(1).survival()).isCloseTo(5.0 / 6, within(1e-9));
    assertThat(estimate.steps().get(2).survival()).isCloseTo(5.0 / 12, within(1e-9));
    assertThat(estimate.steps().get(4).survival()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void the_median_is_the_first_time_survival_reaches_one_half() {
    assertThat(estimate.medianDays()).isEqualTo(3L);
    assertThat(estimate.ended()).isEqualTo(4);
    assertThat(estimate.censored()).isEqualTo(2);
  }

  @Test
  void without_enough_ends_there_is_no_median() {
    KaplanMeier.Estimate mostlyRunning =
        KaplanMeier.estimate(
            List.of(
                new Observation(1, true), new Observation(2, false), new Observation(3, false)));

    assertThat(mostlyRunning.medianDays()).isNull();
    assertThat(mostlyRunning.steps().get(0).survival()).isCloseTo(2.0 / 3, within(1e-9));
  }
}
