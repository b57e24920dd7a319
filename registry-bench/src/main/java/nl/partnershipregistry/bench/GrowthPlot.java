package nl.partnershipregistry.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The curve of {@code ./bench scale} as a PNG: for each question, its p99 at the small and at the
 * large size side by side, each bar labelled with its figure, and the target for the questions
 * across partnerships as a dashed line. Drawn with the JDK alone (headless), so that the benchmark
 * makes its own picture; the table of the same figures is printed beside it.
 */
final class GrowthPlot {

  /** One question's p99 at both sizes, in milliseconds. */
  record Bar(String label, double small, double large) {}

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 520;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 70;
  private static final int BOTTOM = 70;
  // Dark enough on white for text beside them (contrast above 4.5:1).
  private static final Color SMALL = new Color(0x3b6ea5);
  private static final Color LARGE = new Color(0xa6501b);
  private static final Color TARGET = new Color(0xb00020);
  private static final Color GRID = new Color(0xdddddd);
  private static final BasicStroke TARGET_LINE =
      new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0);

  private GrowthPlot() {}

  static Path draw(
      Path file,
      String title,
      String smallLabel,
      String largeLabel,
      double targetMs,
      List<Bar> bars)
      throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(title, LEFT, 30);

    double max = targetMs;
    for (Bar bar : bars) {
      max = Math.max(max, Math.max(bar.small(), bar.large()));
    }
    double top = niceCeiling(max * 1.1);
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - RIGHT;

    // Grid and axis labels, in milliseconds.
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    double step = top / 5;
    for (int i = 0; i <= 5; i++) {
      int y = TOP + plotHeight - (int) Math.round(i * step / top * plotHeight);
      g.setColor(GRID);
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
      g.setColor(Color.BLACK);
      String label = String.format("%.0f ms", i * step);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
    g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);

    int group = plotWidth / bars.size();
    int barWidth = Math.max(8, group / 3);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int x = LEFT + i * group + (group - 2 * barWidth) / 2;
      drawBar(g, x, barWidth, bar.small(), top, plotHeight, SMALL);
      drawBar(g, x + barWidth, barWidth, bar.large(), top, plotHeight, LARGE);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      drawWrapped(g, bar.label(), LEFT + i * group + group / 2, TOP + plotHeight + 18, group - 6);
    }

    // The target of the list and the survival curves.
    int targetY = TOP + plotHeight - (int) Math.round(targetMs / top * plotHeight);
    g.setColor(TARGET);
    g.setStroke(TARGET_LINE);
    g.drawLine(LEFT, targetY, LEFT + plotWidth, targetY);
    g.setStroke(new BasicStroke(1));

    // Legend.
    int legendY = 48;
    legend(g, LEFT, legendY, SMALL, "p99 at " + smallLabel);
    legend(g, LEFT + 220, legendY, LARGE, "p99 at " + largeLabel);
    g.setColor(TARGET);
    g.setStroke(TARGET_LINE);
    g.drawLine(LEFT + 460, legendY - 4, LEFT + 490, legendY - 4);
    g.setStroke(new BasicStroke(1));
    g.setColor(Color.BLACK);
    g.drawString(
        String.format(
            "target: p99 < %.0f ms for the list and survival at %s", targetMs, largeLabel),
        LEFT + 496,
        legendY + 1);
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private static void drawBar(
      Graphics2D g, int x, int width, double ms, double top, int plotHeight, Color color) {
    int height = (int) Math.round(ms / top * plotHeight);
    int y = TOP + plotHeight - height;
    g.setColor(color);
    g.fillRect(x, y, width - 2, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    String label = String.format("%.0f", ms);
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(label, x + (width - 2 - metrics.stringWidth(label)) / 2, y - 4);
  }

  private static void legend(Graphics2D g, int x, int y, Color color, String text) {
    g.setColor(color);
    g.fillRect(x, y - 11, 14, 14);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(text, x + 20, y + 1);
  }

  /** A label centred under its group, broken into lines at spaces to fit {@code width}. */
  private static void drawWrapped(Graphics2D g, String text, int centre, int y, int width) {
    FontMetrics metrics = g.getFontMetrics();
    StringBuilder line = new StringBuilder();
    int lineY = y;
    for (String word : text.split(" ")) {
      String tried = line.isEmpty() ? word : line + " " + word;
      if (metrics.stringWidth(tried) > width && !line.isEmpty()) {
        g.drawString(line.toString(), centre - metrics.stringWidth(line.toString()) / 2, lineY);
        lineY += metrics.getHeight();
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(tried);
      }
    }
    g.drawString(line.toString(), centre - metrics.stringWidth(line.toString()) / 2, lineY);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}. */
  private static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * power >= value) {
        return factor * power;
      }
    }
    return 10 * power;
  }
}
