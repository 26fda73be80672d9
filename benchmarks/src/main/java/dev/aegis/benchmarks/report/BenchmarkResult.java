package dev.aegis.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One entry of a JMH JSON result: one benchmark method with one set of {@code @Param} values, one mode and
 * one thread count.
 */
public record BenchmarkResult(
    String benchmark,
    String mode,
    int threads,
    int forks,
    Map<String, String> params,
    Metric primary,
    Map<String, Metric> secondary,
    RunSettings settings) {

  /** How JMH ran it, as recorded in the entry. */
  public record RunSettings(
      String jmhVersion,
      String jdkVersion,
      String vmName,
      String vmVersion,
      int warmupIterations,
      String warmupTime,
      int measurementIterations,
      String measurementTime,
      List<String> jvmArgs) {

    public RunSettings {
      jvmArgs = List.copyOf(jvmArgs);
    }

    /** For example "1 fork × (3 × 1 s warm-up + 5 × 1 s)". */
    String describe(int forks) {
      return forks + (forks == 1 ? " fork" : " forks") + " × (" + warmupIterations + " × " + seconds(warmupTime)
          + " warm-up + " + measurementIterations + " × " + seconds(measurementTime) + ")";
    }

    /** JMH writes "1000 ms" for a second: "1 s" reads better. */
    private static String seconds(String time) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)000 ms").matcher(time);
      return m.matches() ? m.group(1) + " s" : time;
    }
  }

  /** JMH's name for what {@code -prof gc} reports as bytes allocated per operation. */
  static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

  public BenchmarkResult {
    params = Map.copyOf(params);
    secondary = Map.copyOf(secondary);
  }

  public String className() {
    int dot = benchmark.lastIndexOf('.');
    return dot < 0 ? "" : benchmark.substring(0, dot);
  }

  public String simpleClassName() {
    String className = className();
    return className.substring(className.lastIndexOf('.') + 1);
  }

  public String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** The params in a stable order, for example "length=100, mode=x"; empty without params. */
  public String paramsText() {
    return params.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** Bytes allocated per operation, when the run had {@code -prof gc}. */
  public Optional<Metric> allocatedPerOp() {
    return Optional.ofNullable(secondary.get(ALLOCATION_PER_OP));
  }

  /**
   * Nanoseconds per operation as seen by one thread: the score itself in {@code avgt}/{@code sample}/{@code ss}
   * modes; in {@code thrpt}, where JMH sums the threads, threads divided by the throughput. NaN when the unit
   * is unknown.
   */
  public double nanosPerOp() {
    double nanos = ScoreUnit.nanosPerOp(primary.score(), primary.unit());
    if (Double.isNaN(nanos)) {
      return threads / ScoreUnit.opsPerSecond(primary.score(), primary.unit()) * 1e9;
    }
    return nanos;
  }

  /**
   * Operations per second over all threads: the score itself in {@code thrpt}; in the time-per-operation
   * modes, threads divided by the time one operation takes. NaN when the unit is unknown.
   */
  public double opsPerSecond() {
    double ops = ScoreUnit.opsPerSecond(primary.score(), primary.unit());
    if (Double.isNaN(ops)) {
      return threads / ScoreUnit.nanosPerOp(primary.score(), primary.unit()) * 1e9;
    }
    return ops;
  }

  /** The params whose value differs between some of these results (the others need no mention per result). */
  static Set<String> varyingParams(List<BenchmarkResult> results) {
    Set<String> varying = new TreeSet<>();
    for (BenchmarkResult r : results) {
      for (String name : r.params().keySet()) {
        if (results.stream().anyMatch(other -> !r.params().get(name).equals(other.params().get(name)))) {
          varying.add(name);
        }
      }
    }
    return varying;
  }

  /** The params every one of these results has with the same value, for example "connection=held". */
  static String sharedParamsText(List<BenchmarkResult> results) {
    Set<String> varying = varyingParams(results);
    return results.isEmpty() ? "" : results.get(0).params().entrySet().stream()
        .filter(e -> !varying.contains(e.getKey())).sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** Same benchmark, mode, threads and params: JMH would not produce two such entries in one run. */
  String identity() {
    return benchmark + '|' + mode + '|' + threads + '|' + paramsText();
  }
}
