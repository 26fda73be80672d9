package dev.aegis.benchmarks.overhead;

/**
 * Fails a set-up, and so the run: figures for an arm that does not do what its name says would be
 * meaningless.
 */
final class Check {
  private Check() {}

  static void that(boolean condition, String expected) {
    if (!condition) {
      throw new IllegalStateException("Benchmark set-up: expected " + expected);
    }
  }
}
