package dev.aegis.benchmarks.report.chart;

/** Colours the charts share: the Okabe–Ito set, told apart also by readers with colour-blindness. */
final class Palette {
  static final String INK = "#222222";
  static final String MUTED = "#666666";
  static final String GRID = "#e3e3e3";
  static final String AXIS = "#888888";
  static final String REFERENCE = "#999999";
  static final String TARGET = "#D55E00";

  private static final String[] SERIES = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
      "#000000", "#F0E442"};

  private Palette() {}

  static String series(int index) {
    return SERIES[index % SERIES.length];
  }
}
