package dev.aegis.benchmarks.report.chart;

import dev.aegis.benchmarks.report.chart.SvgDocument.Anchor;
import java.util.function.DoubleFunction;

/** The parts every chart draws the same way: title, grid, axes with their ticks and labels. */
final class Axes {
  static final double TICK_FONT = 11;
  static final double LABEL_FONT = 12.5;

  private Axes() {}

  static void title(SvgDocument svg, String title, String subtitle) {
    svg.text(16, 26, title, Anchor.START, 16, Palette.INK, true);
    if (subtitle != null && !subtitle.isEmpty()) {
      svg.text(16, 45, subtitle, Anchor.START, 12, Palette.MUTED, false);
    }
  }

  /** A horizontal value axis at {@code y}, with vertical grid lines up to {@code top}. */
  static void horizontal(SvgDocument svg, Scale scale, double y, double top, DoubleFunction<String> format,
      String label) {
    for (double tick : scale.ticks()) {
      double x = scale.pixel(tick);
      svg.line(x, top, x, y, Palette.GRID, 1, null);
      svg.line(x, y, x, y + 4, Palette.AXIS, 1, null);
      svg.text(x, y + 17, format.apply(tick), Anchor.MIDDLE, TICK_FONT, Palette.MUTED, false);
    }
    svg.line(scale.pixel(scale.min()), y, scale.pixel(scale.max()), y, Palette.AXIS, 1, null);
    double middle = (scale.pixel(scale.min()) + scale.pixel(scale.max())) / 2;
    svg.text(middle, y + 38, label, Anchor.MIDDLE, LABEL_FONT, Palette.INK, false);
  }

  /** A vertical value axis at {@code x}, with horizontal grid lines across to {@code right}. */
  static void vertical(SvgDocument svg, Scale scale, double x, double right, DoubleFunction<String> format,
      String label) {
    for (double tick : scale.ticks()) {
      double y = scale.pixel(tick);
      svg.line(x, y, right, y, Palette.GRID, 1, null);
      svg.line(x - 4, y, x, y, Palette.AXIS, 1, null);
      svg.text(x - 7, y + 4, format.apply(tick), Anchor.END, TICK_FONT, Palette.MUTED, false);
    }
    svg.line(x, scale.pixel(scale.min()), x, scale.pixel(scale.max()), Palette.AXIS, 1, null);
    double middle = (scale.pixel(scale.min()) + scale.pixel(scale.max())) / 2;
    svg.verticalText(x - 58, middle, label, LABEL_FONT, Palette.INK);
  }
}
