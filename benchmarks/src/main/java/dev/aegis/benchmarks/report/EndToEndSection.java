package dev.aegis.benchmarks.report;

import dev.aegis.benchmarks.report.chart.GroupedBarChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * EndToEndBenchmark: for each workload and thread count, each driver's score and its throughput relative to
 * raw Connector/J (whatever mode the run used: average times are turned into operations per second).
 */
final class EndToEndSection {
  static final String CLASS = "dev.aegis.benchmarks.endtoend.EndToEndBenchmark";
  static final String DRIVER = "driver";
  static final String RAW = "raw";

  private static final List<String> DRIVER_ORDER = List.of(RAW, "aegis", "shardingsphere");
  private static final List<String> WORKLOAD_ORDER =
      List.of("pkLookup", "emailLookup", "rangeRead10", "insert", "batchInsert100");
  /** Issue 7: the primary-key lookup with detection on keeps at least 95% of raw's throughput. */
  private static final double PK_LOOKUP_TARGET = 0.95;

  /** One workload at one thread count (plus any other params), with each driver's result. */
  record Row(String workload, int threads, String otherParams, Map<String, BenchmarkResult> byDriver) {
    /** This driver's throughput divided by raw's; NaN when either is missing. */
    double ratioToRaw(String driver) {
      BenchmarkResult raw = byDriver.get(RAW);
      BenchmarkResult other = byDriver.get(driver);
      if (raw == null || other == null) {
        return Double.NaN;
      }
      return other.opsPerSecond() / raw.opsPerSecond();
    }

    String label() {
      return workload + (otherParams.isEmpty() ? "" : " [" + otherParams + "]");
    }

    /** For the chart: workload, then any params, then threads, each on a line of its own. */
    String chartLabel() {
      return workload + (otherParams.isEmpty() ? "" : "\n" + otherParams) + "\n" + threads
          + (threads == 1 ? " thread" : " threads");
    }
  }

  private EndToEndSection() {}

  static List<Row> rows(List<BenchmarkResult> results) {
    List<BenchmarkResult> mine = results.stream().filter(r -> r.className().equals(CLASS)).toList();
    // A param with one value throughout is said once, not in every row's name.
    Set<String> varying = BenchmarkResult.varyingParams(mine);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (BenchmarkResult r : mine) {
      String driver = r.param(DRIVER).orElse("(none)");
      String others = r.params().entrySet().stream()
          .filter(e -> !e.getKey().equals(DRIVER) && varying.contains(e.getKey()))
          .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "));
      String key = r.method() + '|' + r.threads() + '|' + others;
      rows.computeIfAbsent(key, k -> new Row(r.method(), r.threads(), others, new LinkedHashMap<>()))
          .byDriver().put(driver, r);
    }
    List<Row> sorted = new ArrayList<>(rows.values());
    sorted.sort(Comparator.<Row>comparingInt(row -> rank(WORKLOAD_ORDER, row.workload()))
        .thenComparing(Row::workload).thenComparing(Row::otherParams).thenComparingInt(Row::threads));
    return sorted;
  }

  static List<String> drivers(List<Row> rows) {
    List<String> drivers = new ArrayList<>();
    rows.forEach(row -> row.byDriver().keySet().forEach(d -> {
      if (!drivers.contains(d)) {
        drivers.add(d);
      }
    }));
    drivers.sort(Comparator.comparingInt(d -> rank(DRIVER_ORDER, d)));
    return drivers;
  }

  static List<BenchmarkResult> write(List<BenchmarkResult> results, ReportDocument doc) {
    List<Row> rows = rows(results);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> drivers = drivers(rows);
    List<String> compared = drivers.stream().filter(d -> !d.equals(RAW)).toList();
    BenchmarkResult first = rows.get(0).byDriver().values().iterator().next();
    String unit = first.primary().unit();

    doc.heading(2, "End to end (embedded MariaDB on loopback)");
    List<BenchmarkResult> used = rows.stream().flatMap(row -> row.byDriver().values().stream()).toList();
    String shared = BenchmarkResult.sharedParamsText(used);
    doc.paragraph("`" + CLASS + "`, mode `" + first.mode() + "`, " + first.settings().describe(first.forks())
        + (shared.isEmpty() ? "" : ", " + shared) + ". Scores are mean ± error in " + unit + "; *÷ raw* is each driver's throughput divided by raw "
        + "Connector/J's (1.00 = as fast as raw, higher is better).");
    List<String> columns = new ArrayList<>(List.of("workload", ">threads"));
    drivers.forEach(d -> columns.add(">" + d + " (" + unit + ")"));
    compared.forEach(d -> columns.add(">" + d + " ÷ raw"));
    MarkdownTable table = new MarkdownTable(columns.toArray(String[]::new));
    for (Row row : rows) {
      List<String> cells = new ArrayList<>(List.of("`" + row.label() + "`", Integer.toString(row.threads())));
      for (String driver : drivers) {
        BenchmarkResult r = row.byDriver().get(driver);
        cells.add(r == null ? "—" : Figures.scoreWithError(r.primary())
            + (r.primary().unit().equals(unit) ? "" : " " + r.primary().unit()));
      }
      compared.forEach(d -> cells.add(Figures.ratio(row.ratioToRaw(d))));
      table.row(cells.toArray(String[]::new));
    }
    doc.table(table);

    if (drivers.contains(RAW) && !compared.isEmpty()) {
      List<String> groups = rows.stream()
          .map(Row::chartLabel).toList();
      List<GroupedBarChart.Series> series = compared.stream().map(d -> new GroupedBarChart.Series(d,
          rows.stream().mapToDouble(row -> row.ratioToRaw(d)).toArray())).toList();
      doc.chart("endtoend.svg", "End-to-end throughput relative to raw Connector/J", GroupedBarChart.render(
          "End-to-end throughput relative to raw Connector/J",
          "EndToEndBenchmark, embedded MariaDB on loopback; higher is better, 1.00 = as fast as raw",
          "throughput ÷ raw", groups, series, 1.0, "raw = 1.00", Figures::ratio));
      targets(rows, compared, doc);
    } else {
      doc.paragraph("No `driver=raw` results, so no ratios.");
    }
    return used;
  }

  private static void targets(List<Row> rows, List<String> compared, ReportDocument doc) {
    List<String> lines = new ArrayList<>();
    if (compared.contains("aegis")) {
      rows.stream().filter(row -> row.workload().equals("pkLookup")).forEach(row -> {
        double ratio = row.ratioToRaw("aegis");
        if (Double.isFinite(ratio)) {
          lines.add("primary-key lookup, " + threads(row.threads()) + ": Aegis at " + Figures.ratio(ratio)
              + " of raw, target ≥ 0.95: **" + (ratio >= PK_LOOKUP_TARGET ? "met" : "missed") + "**");
        }
      });
    }
    if (compared.contains("aegis") && compared.contains("shardingsphere")) {
      List<String> behind = rows.stream()
          .filter(row -> Double.isFinite(row.ratioToRaw("aegis")) && Double.isFinite(row.ratioToRaw("shardingsphere")))
          .filter(row -> row.ratioToRaw("aegis") <= row.ratioToRaw("shardingsphere"))
          .map(row -> row.label() + " at " + threads(row.threads())).toList();
      lines.add("Aegis ahead of ShardingSphere-JDBC encrypt on every workload: **"
          + (behind.isEmpty() ? "met" : "missed") + "**" + (behind.isEmpty() ? "" : " (not ahead: "
          + String.join("; ", behind) + ")"));
    }
    if (!lines.isEmpty()) {
      doc.paragraph("Issue 7's targets, judged on the means:");
      lines.forEach(doc::bullet);
      doc.endList();
    }
  }

  private static String threads(int count) {
    return count + (count == 1 ? " thread" : " threads");
  }

  private static int rank(List<String> order, String name) {
    int index = order.indexOf(name);
    return index < 0 ? order.size() : index;
  }
}
