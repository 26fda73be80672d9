package dev.aegis.benchmarks.report.chart;

import dev.aegis.benchmarks.report.chart.SvgDocument.Anchor;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Vertical bars in groups (one group per workload, one bar per series in it) on a linear axis from zero,
 * with an optional dashed reference line (1.0 for ratios, say) and each bar's value above it.
 */
public final class GroupedBarChart {
  /** One series: a value per group, NaN where it has none. */
  public record Series(String name, double[] values) {}

  private static final int BAR = 24;
  private static final int GAP = 26;
  private static final int HEIGHT = 440;

  private GroupedBarChart() {}

  /**
   * @param groups labels under each group; a '\n' splits one into two lines
   * @param reference where to draw the reference line, NaN for none
   */
  public static String render(String title, String subtitle, String valueLabel, List<String> groups,
      List<Series> series, double reference, String referenceLabel, DoubleFunction<String> valueFormat) {
    double groupWidth = Math.max(series.size() * BAR + GAP, groups.stream()
        .flatMap(g -> List.of(g.split("\n")).stream())
        .mapToDouble(line -> SvgDocument.textWidth(line, 11) + 10).max().orElse(0));
    double left = 84;
    double right = left + groups.size() * groupWidth;
    int width = (int) Math.max(620, right + 90);
    double top = 84;
    double bottom = HEIGHT - 80;
    SvgDocument svg = new SvgDocument(width, HEIGHT, title);
    Axes.title(svg, title, subtitle);

    double largest = Double.isFinite(reference) ? reference : 0;
    for (Series s : series) {
      for (double value : s.values()) {
        if (Double.isFinite(value)) {
          largest = Math.max(largest, value);
        }
      }
    }
    Scale scale = Scale.linear(0, largest * 1.08, bottom, top);
    Axes.vertical(svg, scale, left, right, valueFormat, valueLabel);
    svg.line(left, bottom, right, bottom, Palette.AXIS, 1, null);

    // Under the bars, so that a bar reaching the line hides it rather than the other way round.
    if (Double.isFinite(reference)) {
      double y = scale.pixel(reference);
      svg.line(left, y, right + 6, y, Palette.INK, 1.2, "6 4");
      svg.text(right + 10, y + 4, referenceLabel, Anchor.START, 11, Palette.INK, false);
    }
    for (int g = 0; g < groups.size(); g++) {
      double groupLeft = left + g * groupWidth + (groupWidth - series.size() * BAR) / 2;
      for (int s = 0; s < series.size(); s++) {
        double value = series.get(s).values()[g];
        double x = groupLeft + s * BAR;
        if (!Double.isFinite(value)) {
          svg.text(x + BAR / 2.0, bottom - 4, "–", Anchor.MIDDLE, 10, Palette.MUTED, false);
          continue;
        }
        double y = scale.pixel(value);
        svg.rect(x + 2, y, BAR - 4, Math.max(1, bottom - y), Palette.series(s));
        svg.text(x + BAR / 2.0, y - 4, valueFormat.apply(value), Anchor.MIDDLE, 9.5, Palette.INK, false);
      }
      String[] lines = groups.get(g).split("\n");
      double middle = left + g * groupWidth + groupWidth / 2;
      for (int l = 0; l < lines.length; l++) {
        svg.text(middle, bottom + 18 + l * 14, lines[l], Anchor.MIDDLE, 11, Palette.INK, false);
      }
    }
    double x = left;
    for (int s = 0; s < series.size(); s++) {
      svg.rect(x, 60, 14, 10, Palette.series(s));
      svg.text(x + 20, 69, series.get(s).name(), Anchor.START, 12, Palette.INK, false);
      x += 20 + SvgDocument.textWidth(series.get(s).name(), 12) + 24;
    }
    return svg.render();
  }
}
