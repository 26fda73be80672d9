package dev.aegis.benchmarks.suite;

import java.util.List;

/**
 * One call of JMH's runner: a part's benchmarks at one thread count. {@code trials} counts benchmark methods
 * times their {@code @Param} combinations, each run in its own forks.
 */
record PlannedRun(Part part, int threads, IterationSettings settings, List<String> benchmarks, int trials) {
  PlannedRun {
    benchmarks = List.copyOf(benchmarks);
  }

  double estimatedSeconds() {
    return trials * settings.seconds(part.forkStartSeconds());
  }

  /** The result file's name, e.g. "threads-t16.json". */
  String resultFileName() {
    return part.id() + "-t" + threads + ".json";
  }

  String describe() {
    return trials + " trial" + (trials == 1 ? "" : "s") + " at " + threads + (threads == 1 ? " thread" : " threads")
        + ", " + settings.describe() + (part.allocationProfiled() ? ", -prof gc" : "");
  }
}
