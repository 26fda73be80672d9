package dev.aegis.benchmarks.suite;

/**
 * How JMH runs each benchmark of a part: forks, and warm-up and measured iterations with their length in
 * milliseconds. JMH gives no error estimate below 3 measured iterations, hence at least 3 even when quick.
 */
record IterationSettings(int forks, int warmupIterations, int warmupMillis, int measurementIterations,
    int measurementMillis) {

  /**
   * Wall time for one benchmark with one set of params at one thread count: each fork starts a JVM and sets
   * the benchmark up ({@code forkStartSeconds}, a guess per part), then warms up and measures.
   */
  double seconds(double forkStartSeconds) {
    return forks * (forkStartSeconds + (warmupIterations * (double) warmupMillis
        + measurementIterations * (double) measurementMillis) / 1000);
  }

  /** For example "2 forks × (3 × 1 s warm-up + 5 × 500 ms)", as the report writes it. */
  String describe() {
    return forks + (forks == 1 ? " fork" : " forks") + " × (" + warmupIterations + " × " + time(warmupMillis)
        + " warm-up + " + measurementIterations + " × " + time(measurementMillis) + ")";
  }

  private static String time(int millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
