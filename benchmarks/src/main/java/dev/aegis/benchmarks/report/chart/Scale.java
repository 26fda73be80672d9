package dev.aegis.benchmarks.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps values onto pixels along one axis, linearly or logarithmically, and says where its ticks go. The
 * domain is widened to round tick values so that the ends of the axis are labelled.
 */
public final class Scale {
  private final boolean log;
  private final double min;
  private final double max;
  private final double fromPixel;
  private final double toPixel;
  private final List<Double> ticks;

  private Scale(boolean log, double min, double max, double fromPixel, double toPixel, List<Double> ticks) {
    this.log = log;
    this.min = min;
    this.max = max;
    this.fromPixel = fromPixel;
    this.toPixel = toPixel;
    this.ticks = List.copyOf(ticks);
  }

  /** A linear scale from zero (or the smallest value, if negative) to a round value above the largest. */
  public static Scale linear(double smallest, double largest, double fromPixel, double toPixel) {
    double low = Math.min(0, smallest);
    double high = largest > low ? largest : low + 1;
    double step = niceStep((high - low) / 5);
    double min = Math.floor(low / step) * step;
    double max = Math.ceil(high / step) * step;
    List<Double> ticks = new ArrayList<>();
    for (double tick = min; tick <= max + step / 2; tick += step) {
      ticks.add(Math.abs(tick) < step / 1e6 ? 0 : tick);
    }
    return new Scale(false, min, max, fromPixel, toPixel, ticks);
  }

  /**
   * A logarithmic scale over whole decades around the positive values, ticked at each decade (and at 2 and 5
   * times it when there are few decades).
   */
  public static Scale log(double smallest, double largest, double fromPixel, double toPixel) {
    if (!(smallest > 0) || !(largest > 0)) {
      throw new IllegalArgumentException("a logarithmic scale needs positive values");
    }
    double min = Math.pow(10, Math.floor(Math.log10(smallest) + 1e-9));
    double max = Math.pow(10, Math.ceil(Math.log10(largest) - 1e-9));
    if (max <= min) {
      max = min * 10;
    }
    boolean fewDecades = Math.log10(max / min) <= 2.01;
    List<Double> ticks = new ArrayList<>();
    for (double decade = min; decade <= max * 1.0001; decade *= 10) {
      ticks.add(decade);
      if (fewDecades && decade * 10 <= max * 1.0001) {
        ticks.add(decade * 2);
        ticks.add(decade * 5);
      }
    }
    return new Scale(true, min, max, fromPixel, toPixel, ticks);
  }

  /** A logarithmic scale ticked exactly at the given values (thread counts 1, 2, 4 … 64, say). */
  public static Scale logAt(List<Double> values, double fromPixel, double toPixel) {
    double smallest = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    double largest = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
    if (!(smallest > 0)) {
      throw new IllegalArgumentException("a logarithmic scale needs positive values");
    }
    if (largest <= smallest) {
      largest = smallest * 2;
    }
    // A little room on both sides, so that the end points are not drawn on the frame.
    double pad = Math.pow(largest / smallest, 0.04);
    return new Scale(true, smallest / pad, largest * pad, fromPixel, toPixel,
        values.stream().distinct().sorted().toList());
  }

  /** Logarithmic when the values span more than {@code ratio} (positive ones only), linear otherwise. */
  public static Scale fit(double smallest, double largest, double ratio, double fromPixel, double toPixel) {
    if (smallest > 0 && largest / smallest > ratio) {
      return log(smallest, largest, fromPixel, toPixel);
    }
    return linear(smallest, largest, fromPixel, toPixel);
  }

  public boolean isLog() {
    return log;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public List<Double> ticks() {
    return ticks;
  }

  /** The pixel of a value; values outside the domain land on its ends. */
  public double pixel(double value) {
    double fraction;
    if (log) {
      double clamped = Math.max(min, Math.min(max, value));
      fraction = Math.log(clamped / min) / Math.log(max / min);
    } else {
      fraction = (Math.max(min, Math.min(max, value)) - min) / (max - min);
    }
    return fromPixel + fraction * (toPixel - fromPixel);
  }

  /** The pixel where bars start: zero on a linear scale, the bottom of a logarithmic one. */
  public double basePixel() {
    return pixel(log ? min : Math.max(min, 0));
  }

  private static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / decade;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    return nice * decade;
  }
}
