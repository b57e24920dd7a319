package nl.partnershipregistry.api.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;

/**
 * Where the survival page draws its curves: the answer's steps placed in an SVG's coordinates, as
 * steps (survival holds until the next time at which partnerships ended), each curve with its own
 * colour, its own dash pattern and its label at its end, so that it reads in black and white. Only
 * layout: every figure is the answer's.
 */
public final class SurvivalChart {

  /** The width and height of the drawing, and the plot's margins. */
  static final int WIDTH = 880;

  static final int HEIGHT = 400;
  static final int LEFT = 64;
  static final int RIGHT = 260;
  static final int TOP = 16;
  static final int BOTTOM = 56;

  private static final String[] COLOURS = {
    "#1d4f91", "#a33b00", "#00703c", "#4c2c92", "#0b0c0c", "#b10e1e", "#505a5f"
  };
  private static final String[] DASHES = {"none", "9 4", "2 3", "12 3 2 3", "5 5", "1 5", "16 4"};
  private static final int LABEL_SPACING = 16;

  /** A tick on an axis: where it is and what it says. */
  public record Tick(double at, String label) {}

  /**
   * One curve: the path through its steps, short upright strokes where partnerships still running
   * were censored, its colour and dash pattern, and where its label stands (beside the curve's end,
   * moved apart from the others' labels).
   */
  public record Series(
      String labelKey,
      String path,
      String censored,
      String colour,
      String dash,
      double endX,
      double endY,
      double labelY) {}

  private final List<Series> series;
  private final List<Tick> xTicks;
  private final List<Tick> yTicks;

  private SurvivalChart(List<Series> series, List<Tick> xTicks, List<Tick> yTicks) {
    this.series = series;
    this.xTicks = xTicks;
    this.yTicks = yTicks;
  }

  /** The curves, each with the key of its label in the messages. */
  static SurvivalChart of(List<SurvivalCurves.Curve> curves, List<String> labelKeys) {
    double longest =
        curves.stream()
            .flatMap(c -> c.steps().stream())
            .mapToDouble(SurvivalCurves.Step::years)
            .max()
            .orElse(0);
    int step = longest <= 6 ? 1 : longest <= 15 ? 2 : 5;
    int maxYears = Math.max(step, (int) Math.ceil(longest / step) * step);
    List<Tick> xTicks = new ArrayList<>();
    for (int year = 0; year <= maxYears; year += step) {
      xTicks.add(new Tick(x(year, maxYears), Integer.toString(year)));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int percent = 0; percent <= 100; percent += 25) {
      yTicks.add(new Tick(y(percent / 100.0), percent + "%"));
    }
    List<Series> series = new ArrayList<>();
    List<double[]> ends = new ArrayList<>();
    for (int i = 0; i < curves.size(); i++) {
      SurvivalCurves.Curve curve = curves.get(i);
      StringBuilder path = new StringBuilder();
      StringBuilder censored = new StringBuilder();
      path.append("M").append(number(x(0, maxYears))).append(" ").append(number(y(1)));
      double survival = 1;
      double endX = x(0, maxYears);
      for (SurvivalCurves.Step s : curve.steps()) {
        endX = x(s.years(), maxYears);
        path.append(" H").append(number(endX));
        if (s.survival() != survival) {
          survival = s.survival();
          path.append(" V").append(number(y(survival)));
        }
        if (s.censored() > 0) {
          censored
              .append(censored.isEmpty() ? "" : " ")
              .append("M")
              .append(number(endX))
              .append(" ")
              .append(number(y(survival) - 5))
              .append(" v10");
        }
      }
      ends.add(new double[] {i, y(survival), endX});
      series.add(
          new Series(
              labelKeys.get(i),
              path.toString(),
              censored.toString(),
              COLOURS[i % COLOURS.length],
              DASHES[i % DASHES.length],
              endX,
              y(survival),
              y(survival)));
    }
    return new SurvivalChart(spreadLabels(series, ends), xTicks, yTicks);
  }

  /** Labels at their curves' ends, moved down where they would overlap, kept inside the plot. */
  private static List<Series> spreadLabels(List<Series> series, List<double[]> ends) {
    List<double[]> order = new ArrayList<>(ends);
    order.sort(Comparator.comparingDouble(e -> e[1]));
    double[] placed = new double[series.size()];
    double previous = Double.NEGATIVE_INFINITY;
    for (double[] end : order) {
      double at = Math.max(end[1] + 4, previous + LABEL_SPACING);
      placed[(int) end[0]] = at;
      previous = at;
    }
    double overflow = previous - (HEIGHT - BOTTOM + 8);
    List<Series> spread = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      double labelY = overflow > 0 ? placed[i] - overflow : placed[i];
      spread.add(
          new Series(
              s.labelKey(),
              s.path(),
              s.censored(),
              s.colour(),
              s.dash(),
              s.endX(),
              s.endY(),
              labelY));
    }
    return spread;
  }

  private static double x(double years, int maxYears) {
    return LEFT + (WIDTH - LEFT - RIGHT) * years / maxYears;
  }

  private static double y(double survival) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - survival);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  public List<Series> getSeries() {
    return series;
  }

  public List<Tick> getXTicks() {
    return xTicks;
  }

  public List<Tick> getYTicks() {
    return yTicks;
  }

  public int getWidth() {
    return WIDTH;
  }

  public int getHeight() {
    return HEIGHT;
  }

  public int getLeft() {
    return LEFT;
  }

  public int getPlotRight() {
    return WIDTH - RIGHT;
  }

  public int getTop() {
    return TOP;
  }

  public int getPlotBottom() {
    return HEIGHT - BOTTOM;
  }

  public int getLabelX() {
    return WIDTH - RIGHT + 12;
  }
}
