package dev.aegis.benchmarks.report.chart;

import dev.aegis.benchmarks.report.chart.SvgDocument.Anchor;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One bar per row, labelled on the left, its value written at its end, and an optional target mark per
 * row. On a logarithmic axis a value of zero or less has no bar, only its label.
 */
public final class HorizontalBarChart {
  /** One row: {@code target} is NaN when the row has none. */
  public record Bar(String label, double value, String valueLabel, double target) {}

  private static final int WIDTH = 900;
  private static final int ROW = 30;
  private static final int BAR = 18;
  private static final double LABEL_FONT = 12.5;

  private HorizontalBarChart() {}

  /**
   * @param barMeaning the legend's words for a bar, e.g. "mean ns/op added over the baseline"
   * @param targetMeaning the legend's words for a target mark (shown only when a row has one)
   */
  public static String render(String title, String subtitle, String axisLabel, List<Bar> bars, boolean log,
      DoubleFunction<String> tickFormat, String barMeaning, String targetMeaning) {
    double labelWidth = bars.stream().mapToDouble(b -> SvgDocument.textWidth(b.label(), LABEL_FONT)).max()
        .orElse(100);
    double left = Math.max(140, Math.min(380, labelWidth + 24));
    double right = WIDTH - 150;
    double top = 66;
    double bottom = top + bars.size() * ROW;
    boolean anyTarget = bars.stream().anyMatch(b -> Double.isFinite(b.target()));
    int height = (int) (bottom + 52 + 26);
    SvgDocument svg = new SvgDocument(WIDTH, height, title);
    Axes.title(svg, title, subtitle);

    Scale scale = scale(bars, log, left, right);
    Axes.horizontal(svg, scale, bottom, top, tickFormat, axisLabel);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double rowTop = top + i * ROW;
      double middle = rowTop + ROW / 2.0;
      svg.text(left - 10, middle + 4, bar.label(), Anchor.END, LABEL_FONT, Palette.INK, false);
      double base = scale.basePixel();
      boolean drawn = Double.isFinite(bar.value()) && (!scale.isLog() || bar.value() > 0);
      double end = base;
      if (drawn) {
        end = scale.pixel(bar.value());
        svg.rect(Math.min(base, end), middle - BAR / 2.0, Math.max(1, Math.abs(end - base)), BAR,
            Palette.series(0));
      }
      double labelX = Math.max(base, end);
      if (Double.isFinite(bar.target())) {
        double x = scale.pixel(bar.target());
        svg.line(x, rowTop + 3, x, rowTop + ROW - 3, Palette.TARGET, 2.5, null);
        // The value goes after the mark when the mark is near or beyond the bar's end, not across it.
        if (x > labelX - 4) {
          labelX = Math.max(labelX, x);
        }
      }
      svg.text(labelX + 7, middle + 4, bar.valueLabel(), Anchor.START, 11.5, drawn ? Palette.INK : Palette.MUTED,
          false);
    }
    legend(svg, left, height - 14, barMeaning, anyTarget ? targetMeaning : null);
    return svg.render();
  }

  private static Scale scale(List<Bar> bars, boolean log, double left, double right) {
    double smallestPositive = Double.POSITIVE_INFINITY;
    double smallest = 0;
    double largest = 0;
    for (Bar bar : bars) {
      for (double value : new double[] {bar.value(), bar.target()}) {
        if (Double.isFinite(value)) {
          smallest = Math.min(smallest, value);
          largest = Math.max(largest, value);
          if (value > 0) {
            smallestPositive = Math.min(smallestPositive, value);
          }
        }
      }
    }
    if (log && largest > 0) {
      return Scale.log(smallestPositive, largest, left, right);
    }
    return Scale.linear(smallest, largest, left, right);
  }

  private static void legend(SvgDocument svg, double x, double y, String barMeaning, String targetMeaning) {
    svg.rect(x, y - 10, 14, 10, Palette.series(0));
    svg.text(x + 20, y, barMeaning, Anchor.START, 11.5, Palette.INK, false);
    if (targetMeaning != null) {
      double after = x + 20 + SvgDocument.textWidth(barMeaning, 11.5) + 28;
      svg.line(after, y - 12, after, y + 2, Palette.TARGET, 2.5, null);
      svg.text(after + 8, y, targetMeaning, Anchor.START, 11.5, Palette.INK, false);
    }
  }
}
