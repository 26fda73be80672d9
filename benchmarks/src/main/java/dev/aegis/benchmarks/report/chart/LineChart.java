package dev.aegis.benchmarks.report.chart;

import dev.aegis.benchmarks.report.chart.SvgDocument.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Series of points joined by lines, with markers; reference series (a slope to compare with, say) are grey
 * and dashed. The x axis is logarithmic: every use so far sweeps a parameter over decades or doublings.
 */
public final class LineChart {
  /** One line: points as {x, y}; a reference line is drawn grey, dashed and without markers. */
  public record Series(String name, List<double[]> points, boolean reference) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /** How the y axis is scaled. */
  public enum YAxis {
    LINEAR, LOG, AUTO
  }

  private static final int WIDTH = 900;
  private static final int HEIGHT = 460;

  private LineChart() {}

  /**
   * @param xTicksAtValues tick the x axis exactly at the x values (thread counts), not at decades
   */
  public static String render(String title, String subtitle, String xLabel, String yLabel, List<Series> series,
      boolean xTicksAtValues, YAxis yAxis, DoubleFunction<String> xFormat, DoubleFunction<String> yFormat) {
    double left = 90;
    double right = WIDTH - 230;
    double top = 66;
    double bottom = HEIGHT - 62;
    SvgDocument svg = new SvgDocument(WIDTH, HEIGHT, title);
    Axes.title(svg, title, subtitle);

    List<Double> xs = new ArrayList<>();
    double smallestY = Double.POSITIVE_INFINITY;
    double largestY = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double[] point : s.points()) {
        if (!s.reference()) {
          xs.add(point[0]);
        }
        smallestY = Math.min(smallestY, point[1]);
        largestY = Math.max(largestY, point[1]);
      }
    }
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("no points to draw");
    }
    double smallestX = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double largestX = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    Scale x = xTicksAtValues ? Scale.logAt(xs, left, right) : Scale.log(smallestX, largestX, left, right);
    Scale y = switch (yAxis) {
      case LOG -> Scale.log(smallestY, largestY, bottom, top);
      case LINEAR -> Scale.linear(Math.min(0, smallestY), largestY, bottom, top);
      case AUTO -> Scale.fit(smallestY, largestY, 30, bottom, top);
    };
    Axes.vertical(svg, y, left, right, yFormat, yLabel);
    Axes.horizontal(svg, x, bottom, top, xFormat, xLabel);

    int colour = 0;
    double legendY = top + 8;
    for (Series s : series) {
      List<double[]> pixels = new ArrayList<>();
      for (double[] point : s.points()) {
        if (point[0] >= x.min() && point[0] <= x.max() && (!y.isLog() || point[1] > 0)) {
          pixels.add(new double[] {x.pixel(point[0]), y.pixel(point[1])});
        }
      }
      String stroke = s.reference() ? Palette.REFERENCE : Palette.series(colour++);
      svg.polyline(pixels, stroke, s.reference() ? 1.5 : 2.2, s.reference() ? "7 5" : null);
      if (!s.reference()) {
        pixels.forEach(p -> svg.circle(p[0], p[1], 3.6, stroke));
      }
      svg.line(right + 22, legendY - 4, right + 48, legendY - 4, stroke, s.reference() ? 1.5 : 2.2,
          s.reference() ? "7 5" : null);
      if (!s.reference()) {
        svg.circle(right + 35, legendY - 4, 3.6, stroke);
      }
      for (String line : wrap(s.name(), 24)) {
        svg.text(right + 56, legendY, line, Anchor.START, 12, Palette.INK, false);
        legendY += 15;
      }
      legendY += 7;
    }
    return svg.render();
  }

  /** Splits a legend entry at spaces into lines of at most {@code width} characters (long words stay whole). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
