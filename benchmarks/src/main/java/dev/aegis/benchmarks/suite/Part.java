package dev.aegis.benchmarks.suite;

import java.util.List;

/**
 * The suite's parts (issue 7): which benchmarks each runs, at which thread counts, with which profiler, and
 * how long JMH spends on each in the quick and the full mode.
 *
 * <p>Quick mode is a look at every figure in under 10 minutes on 2 cores: one fork, a short warm-up (3 s
 * for the overhead arms, because datasource-proxy settles late) and three short measured iterations, enough
 * for the JIT to settle on these small operations but with wide errors. Full mode is the publication run:
 * several forks, because a fork's JIT decisions move the figures more than its iterations do, and more
 * iterations; about 40 minutes.
 */
enum Part {
  /** Each fork builds every arm (key sets, configuration, peers) and checks it before measuring. */
  OVERHEAD("overhead", List.of("^\\Qdev.aegis.benchmarks.overhead.OverheadBenchmark.\\E"), List.of(1), List.of(1), true, 5,
      new IterationSettings(1, 3, 1000, 3, 500), new IterationSettings(3, 5, 1000, 5, 1000)),
  /**
   * OverheadBenchmark's raw and enforce arms under contention (1 thread is the overhead part's own run when
   * both run); quick mode samples the curve at every other doubling.
   */
  THREADS("threads", List.of("^\\Qdev.aegis.benchmarks.overhead.OverheadBenchmark.\\E(raw|aegisEnforce)$"),
      List.of(1, 4, 16, 64), List.of(1, 2, 4, 8, 16, 32, 64), false, 4,
      new IterationSettings(1, 1, 1000, 3, 500), new IterationSettings(2, 3, 1000, 5, 1000)),
  GROWTH("growth", List.of("^\\Qdev.aegis.benchmarks.growth.StatementLengthBenchmark.\\E",
      "^\\Qdev.aegis.benchmarks.growth.ShapeChurnBenchmark.\\E"), List.of(1), List.of(1), true, 3.5,
      new IterationSettings(1, 1, 1000, 3, 500), new IterationSettings(2, 3, 1000, 5, 1000)),
  /** Each fork opens a pool per arm and ShardingSphere builds its rules: a slower start. */
  ENDTOEND("endtoend", List.of("^\\Qdev.aegis.benchmarks.endtoend.EndToEndBenchmark.\\E"), List.of(1, 8), List.of(1, 8), false, 5.5,
      new IterationSettings(1, 1, 1000, 3, 500), new IterationSettings(2, 3, 1000, 5, 2000));

  private final String id;
  private final List<String> includes;
  private final List<Integer> quickThreads;
  private final List<Integer> fullThreads;
  private final boolean allocationProfiled;
  private final double forkStartSeconds;
  private final IterationSettings quick;
  private final IterationSettings full;

  Part(String id, List<String> includes, List<Integer> quickThreads, List<Integer> fullThreads,
      boolean allocationProfiled,
      double forkStartSeconds, IterationSettings quick, IterationSettings full) {
    this.id = id;
    this.includes = includes;
    this.quickThreads = quickThreads;
    this.fullThreads = fullThreads;
    this.allocationProfiled = allocationProfiled;
    this.forkStartSeconds = forkStartSeconds;
    this.quick = quick;
    this.full = full;
  }

  /** The name {@code --only} takes and the report uses. */
  String id() {
    return id;
  }

  /** JMH include patterns (regular expressions found in {@code package.Class.method}). */
  List<String> includes() {
    return includes;
  }

  /** JMH thread counts, one runner call each. */
  List<Integer> threads(SuiteMode mode) {
    return mode == SuiteMode.QUICK ? quickThreads : fullThreads;
  }

  /** Whether the part runs with {@code -prof gc} (bytes allocated per operation). */
  boolean allocationProfiled() {
    return allocationProfiled;
  }

  /** A guess at a fork's JVM start and benchmark set-up, for the time estimate. */
  double forkStartSeconds() {
    return forkStartSeconds;
  }

  IterationSettings settings(SuiteMode mode) {
    return mode == SuiteMode.QUICK ? quick : full;
  }

  static Part byId(String id) {
    for (Part part : values()) {
      if (part.id.equals(id)) {
        return part;
      }
    }
    throw new IllegalArgumentException("no part named '" + id + "' (overhead, growth, threads, endtoend)");
  }
}
