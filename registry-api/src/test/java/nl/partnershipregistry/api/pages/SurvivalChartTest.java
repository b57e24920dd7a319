package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;
import org.junit.jupiter.api.Test;

/**
 * The chart places the answer's steps and nothing else: survival holds until a time at which
 * partnerships ended, then drops; a censoring is marked where it happened; labels never overlap.
 */
class SurvivalChartTest {

  static SurvivalCurves.Curve curve(String group, SurvivalCurves.Step... steps) {
    return new SurvivalCurves.Curve(group, 4, 2, 2, null, List.of(steps));
  }

  @Test
  void a_curve_is_drawn_as_steps_with_its_censorings_marked() {
    SurvivalCurves.Curve all =
        curve(
            "all",
            new SurvivalCurves.Step(1.0, 4, 1, 0, 0.75),
            new SurvivalCurves.Step(2.0, 3, 0, 1, 0.75),
            new SurvivalCurves.Step(4.0, 2, 1, 1, 0.375));

    SurvivalChart chart = SurvivalChart.of(List.of(all), List.of("survival.group.all"));

    // Four years on a 1-year grid: the plot runs from x 64 to 620 (139 a year), y 16 (100%) to
    // 344 (0%).
    assertThat(chart.getXTicks())
        .extracting(SurvivalChart.Tick::label)
        .containsExactly("0", "1", "2", "3", "4");
    SurvivalChart.Series series = chart.getSeries().get(0);
    assertThat(series.path()).isEqualTo("M64.0 16.0 H203.0 V98.0 H342.0 H620.0 V221.0");
    assertThat(series.censored()).isEqualTo("M342.0 93.0 v10 M620.0 216.0 v10");
    assertThat(series.labelKey()).isEqualTo("survival.group.all");
  }

  @Test
  void each_curve_has_its_own_colour_and_dash_and_labels_keep_apart() {
    SurvivalCurves.Curve a = curve("A", new SurvivalCurves.Step(3.0, 2, 0, 2, 1.0));
    SurvivalCurves.Curve b = curve("B", new SurvivalCurves.Step(5.0, 2, 0, 2, 1.0));

    SurvivalChart chart = SurvivalChart.of(List.of(a, b), List.of("kind.A", "kind.B"));

    SurvivalChart.Series first = chart.getSeries().get(0);
    SurvivalChart.Series second = chart.getSeries().get(1);
    assertThat(first.colour()).isNotEqualTo(second.colour());
    assertThat(first.dash()).isNotEqualTo(second.dash());
    assertThat(Math.abs(first.labelY() - second.labelY())).isGreaterThanOrEqualTo(16);
  }
}
