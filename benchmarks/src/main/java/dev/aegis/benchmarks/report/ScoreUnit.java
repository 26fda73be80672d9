package dev.aegis.benchmarks.report;

import java.util.Map;

/**
 * JMH's score units ({@code ns/op}, {@code us/op}, {@code ops/s}, {@code ops/ms}, …) turned into a common
 * footing, so arms measured in different modes or time units can still be compared.
 */
final class ScoreUnit {
  private static final Map<String, Double> NANOS = Map.of(
      "ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9, "min", 6e10, "hr", 3.6e12, "day", 8.64e13);

  private ScoreUnit() {}

  /** Nanoseconds per operation for a time-per-operation unit such as {@code us/op}; NaN for any other unit. */
  static double nanosPerOp(double score, String unit) {
    String[] parts = unit.split("/");
    if (parts.length != 2 || !parts[1].equals("op")) {
      return Double.NaN;
    }
    Double nanos = NANOS.get(parts[0]);
    return nanos == null ? Double.NaN : score * nanos;
  }

  /** Operations per second for a throughput unit such as {@code ops/ms}; NaN for any other unit. */
  static double opsPerSecond(double score, String unit) {
    String[] parts = unit.split("/");
    if (parts.length != 2 || !parts[0].equals("ops")) {
      return Double.NaN;
    }
    Double nanos = NANOS.get(parts[1]);
    return nanos == null ? Double.NaN : score * (1e9 / nanos);
  }
}
