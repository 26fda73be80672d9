package dev.aegis.benchmarks.report;

import dev.aegis.benchmarks.report.chart.LineChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * OverheadBenchmark's arms run at several thread counts: time per statement per thread and total throughput,
 * to show how the cost holds up under contention (no cliff).
 */
final class ThreadsSection {
  private ThreadsSection() {}

  /**
   * @param machine a few words on the machine's hardware threads for the chart, or empty
   */
  static List<BenchmarkResult> write(List<BenchmarkResult> results, Optional<String> machine,
      ReportDocument doc) {
    Map<String, TreeMap<Integer, BenchmarkResult>> found = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      if (r.className().equals(OverheadSection.CLASS) && r.params().isEmpty()) {
        found.computeIfAbsent(r.method(), m -> new TreeMap<>()).put(r.threads(), r);
      }
    }
    // raw first, as in the other charts, so that it keeps its colour.
    Map<String, TreeMap<Integer, BenchmarkResult>> byMethod = new LinkedHashMap<>();
    Optional.ofNullable(found.remove("raw")).ifPresent(raw -> byMethod.put("raw", raw));
    byMethod.putAll(found);
    byMethod.values().removeIf(byThreads -> byThreads.size() < 2);
    if (byMethod.isEmpty()) {
      return List.of();
    }
    TreeSet<Integer> threads = new TreeSet<>();
    byMethod.values().forEach(m -> threads.addAll(m.keySet()));
    BenchmarkResult sample = byMethod.values().iterator().next().lastEntry().getValue();

    doc.heading(2, "Threads");
    doc.paragraph("`" + OverheadSection.CLASS + "` at " + threads.size() + " thread counts, "
        + sample.settings().describe(sample.forks()) + " (the 1-thread figures come from the overhead run above "
        + "when both ran). Time is per statement as one thread sees it; throughput is over all threads"
        + machine.map(m -> "; " + m).orElse("") + ".");
    List<String> columns = new ArrayList<>(List.of(">threads"));
    byMethod.keySet().forEach(m -> {
      columns.add(">" + m + " (" + sample.primary().unit() + ")");
      columns.add(">" + m + " (ops/s, all threads)");
    });
    MarkdownTable table = new MarkdownTable(columns.toArray(String[]::new));
    for (int count : threads) {
      List<String> cells = new ArrayList<>(List.of(Integer.toString(count)));
      byMethod.values().forEach(m -> {
        BenchmarkResult r = m.get(count);
        cells.add(r == null ? "—" : Figures.scoreWithError(r.primary()));
        cells.add(r == null ? "—" : Figures.number(r.opsPerSecond()));
      });
      table.row(cells.toArray(String[]::new));
    }
    doc.table(table);

    List<LineChart.Series> lines = new ArrayList<>();
    byMethod.forEach((method, byThreads) -> lines.add(new LineChart.Series(method, byThreads.entrySet().stream()
        .map(e -> new double[] {e.getKey(), e.getValue().opsPerSecond()}).toList(), false)));
    doc.chart("threads.svg", "Throughput against thread count", LineChart.render(
        "Throughput against thread count (stub driver, no I/O)",
        "OverheadBenchmark, statements per second over all threads" + machine.map(m -> "; " + m).orElse(""),
        "JMH threads (log scale)", "statements per second, all threads", lines, true, LineChart.YAxis.AUTO,
        Figures::compact, Figures::compact));
    List<BenchmarkResult> used = new ArrayList<>();
    byMethod.values().forEach(m -> used.addAll(m.values()));
    return used;
  }
}
