package dev.aegis.benchmarks.report;

/**
 * One JMH score: the mean over all measured iterations, JMH's error (half-width of the 99.9% confidence
 * interval, NaN when there were too few iterations to have one), its unit, and the median iteration.
 */
public record Metric(double score, double error, String unit, double median) {
  public boolean hasError() {
    return Double.isFinite(error);
  }
}
