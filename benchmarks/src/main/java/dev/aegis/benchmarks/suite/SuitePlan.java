package dev.aegis.benchmarks.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What the suite will run, worked out from the benchmarks compiled into this jar (JMH's own list), so that
 * the estimate counts the real methods and {@code @Param} values, and a part whose benchmarks are missing is
 * skipped with a reason instead of failing.
 */
final class SuitePlan {
  private final SuiteMode mode;
  private final Map<Part, List<PlannedRun>> runs;
  private final Map<Part, String> skipped;

  private SuitePlan(SuiteMode mode, Map<Part, List<PlannedRun>> runs, Map<Part, String> skipped) {
    this.mode = mode;
    this.runs = runs;
    this.skipped = skipped;
  }

  static SuitePlan of(SuiteMode mode, List<Part> selected) {
    OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
    BenchmarkList list = BenchmarkList.defaultList();
    Map<Part, List<PlannedRun>> runs = new LinkedHashMap<>();
    Map<Part, String> skipped = new LinkedHashMap<>();
    for (Part part : Part.values()) {
      if (!selected.contains(part)) {
        skipped.put(part, "not selected with --only");
        continue;
      }
      SortedSet<BenchmarkListEntry> entries = list.find(silent, part.includes(), List.of());
      if (entries.isEmpty()) {
        skipped.put(part, "no benchmark in this jar matches " + String.join(" or ", part.includes()));
        continue;
      }
      List<String> names = entries.stream().map(BenchmarkListEntry::getUsername).distinct().toList();
      int trials = entries.stream().mapToInt(SuitePlan::paramCombinations).sum();
      List<PlannedRun> partRuns = new ArrayList<>();
      for (int threads : part.threads(mode)) {
        // The overhead part measures one thread already, with -prof gc; the threads curve starts from it.
        if (part == Part.THREADS && threads == 1 && selected.contains(Part.OVERHEAD)
            && !runs.getOrDefault(Part.OVERHEAD, List.of()).isEmpty()) {
          continue;
        }
        partRuns.add(new PlannedRun(part, threads, part.settings(mode), names, trials));
      }
      runs.put(part, partRuns);
    }
    return new SuitePlan(mode, runs, skipped);
  }

  /** Product of the numbers of values of each {@code @Param}: JMH runs every combination. */
  static int paramCombinations(BenchmarkListEntry entry) {
    int combinations = 1;
    if (entry.getParams().hasValue()) {
      for (String[] values : entry.getParams().get().values()) {
        combinations *= Math.max(1, values.length);
      }
    }
    return combinations;
  }

  SuiteMode mode() {
    return mode;
  }

  Map<Part, List<PlannedRun>> runs() {
    return runs;
  }

  Map<Part, String> skipped() {
    return skipped;
  }

  double estimatedSeconds() {
    return runs.values().stream().flatMap(List::stream).mapToDouble(PlannedRun::estimatedSeconds).sum();
  }

  String describe() {
    StringBuilder out = new StringBuilder("Benchmark suite, " + mode.id() + " mode:\n");
    for (Part part : Part.values()) {
      List<PlannedRun> partRuns = runs.get(part);
      if (partRuns == null) {
        out.append(String.format("  %-9s skipped: %s%n", part.id(), skipped.get(part)));
        continue;
      }
      double seconds = partRuns.stream().mapToDouble(PlannedRun::estimatedSeconds).sum();
      out.append(String.format("  %-9s %s  (~%s)%n", part.id(), classes(partRuns.get(0)), duration(seconds)));
      for (PlannedRun run : partRuns) {
        out.append(String.format("            %s  (~%s)%n", run.describe(), duration(run.estimatedSeconds())));
      }
    }
    out.append("Estimated duration: ~").append(duration(estimatedSeconds()))
        .append(" (fork start-up is guessed per part; a busy machine takes longer)\n");
    return out.toString();
  }

  static String duration(double seconds) {
    long whole = Math.round(seconds);
    return whole >= 60 ? whole / 60 + " min " + whole % 60 + " s" : whole + " s";
  }

  /** "OverheadBenchmark (9 methods), …" */
  private static String classes(PlannedRun run) {
    Map<String, Integer> methods = new LinkedHashMap<>();
    for (String name : run.benchmarks()) {
      String type = name.substring(0, name.lastIndexOf('.'));
      methods.merge(type.substring(type.lastIndexOf('.') + 1), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    methods.forEach((type, count) -> parts.add(type + " (" + count + (count == 1 ? " method)" : " methods)")));
    return String.join(", ", parts);
  }
}
