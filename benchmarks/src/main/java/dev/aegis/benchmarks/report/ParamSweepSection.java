package dev.aegis.benchmarks.report;

import dev.aegis.benchmarks.report.chart.LineChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * How a benchmark's cost grows along one numeric {@code @Param} (statement length, number of distinct
 * shapes): a table with a row per value and a column per method, and a line chart on a logarithmic x axis.
 */
final class ParamSweepSection {
  /** What to sweep and how to show it. */
  record Sweep(String className, String param, String heading, String explanation, String chartFile,
      String chartTitle, String xLabel, DoubleFunction<String> xFormat, LineChart.YAxis yAxis,
      boolean perUnitOfParam) {}

  static final Sweep STATEMENT_LENGTH = new Sweep("dev.aegis.benchmarks.growth.StatementLengthBenchmark",
      "length", "Cost against statement length",
      "If the cost grows no faster than the statement, the curve stays at or below the dashed line of "
          + "slope 1 (both axes logarithmic); *adds per byte* settling to a constant means linear growth.",
      "growth-length.svg", "Time per statement against statement length", "statement length (log scale)",
      Figures::byteSize, LineChart.YAxis.LOG, true);
  static final Sweep SHAPE_CHURN = new Sweep("dev.aegis.benchmarks.growth.ShapeChurnBenchmark", "shapes",
      "Cost against the number of distinct statement shapes (cache churn)",
      "A cliff where the shapes outgrow the analysis cache would show as a step up in time per statement.",
      "growth-shapes.svg", "Time per statement against distinct statement shapes",
      "distinct statement shapes cycled through (log scale)", Figures::compact, LineChart.YAxis.LINEAR, false);

  /** One line: a method (with any other params and thread count) and its points, by the param's value. */
  record Series(String name, Map<Double, BenchmarkResult> byValue) {
    boolean isRaw() {
      return name.equals("raw") || name.startsWith("raw ");
    }
  }

  private ParamSweepSection() {}

  static List<BenchmarkResult> write(List<BenchmarkResult> results, Sweep sweep, ReportDocument doc) {
    List<BenchmarkResult> mine = results.stream().filter(r -> r.className().equals(sweep.className())).toList();
    Optional<String> param = sweptParam(mine, sweep.param());
    if (mine.isEmpty()) {
      return List.of();
    }
    String simpleName = mine.get(0).simpleClassName();
    doc.heading(2, sweep.heading());
    if (param.isEmpty()) {
      doc.paragraph("`" + sweep.className() + "` has no numeric parameter to sweep; its results are in the "
          + "tables of other benchmarks below.");
      return List.of();
    }
    List<Series> series = series(mine, param.get());
    TreeSet<Double> values = new TreeSet<>();
    series.forEach(s -> values.addAll(s.byValue().keySet()));
    Optional<Series> raw = series.stream().filter(Series::isRaw).findFirst();
    BenchmarkResult first = mine.get(0);
    String shared = BenchmarkResult.sharedParamsText(mine);
    doc.paragraph("`" + sweep.className() + "`, " + first.settings().describe(first.forks())
        + (shared.isEmpty() ? "" : ", " + shared) + ", mean ± error. "
        + sweep.explanation());

    List<String> columns = new ArrayList<>(List.of(">" + param.get()));
    series.forEach(s -> columns.add(">" + s.name() + " (" + first.primary().unit() + ")"));
    List<Series> compared = raw.isPresent() ? series.stream().filter(s -> !s.isRaw()).toList() : List.of();
    compared.forEach(s -> columns.add(">" + s.name() + " adds (ns/op)"));
    List<Series> perUnit = sweep.perUnitOfParam() ? series.stream().filter(s -> !s.isRaw()).toList() : List.of();
    perUnit.forEach(s -> columns.add(">" + s.name() + (raw.isPresent() ? " adds" : "") + " per " + unitOf(
        sweep) + " (ns)"));
    MarkdownTable table = new MarkdownTable(columns.toArray(String[]::new));
    for (double value : values) {
      List<String> cells = new ArrayList<>(List.of(Figures.paramValue(value)));
      series.forEach(s -> cells.add(Optional.ofNullable(s.byValue().get(value))
          .map(r -> Figures.scoreWithError(r.primary())).orElse("—")));
      compared.forEach(s -> cells.add(Figures.signed(added(s, raw, value))));
      perUnit.forEach(s -> {
        double cost = raw.isPresent() ? added(s, raw, value)
            : Optional.ofNullable(s.byValue().get(value)).map(BenchmarkResult::nanosPerOp).orElse(Double.NaN);
        cells.add(Figures.number(cost / value));
      });
      table.row(cells.toArray(String[]::new));
    }
    doc.table(table);

    List<LineChart.Series> lines = new ArrayList<>();
    for (Series s : series) {
      lines.add(new LineChart.Series(s.name(), s.byValue().entrySet().stream()
          .map(e -> new double[] {e.getKey(), e.getValue().nanosPerOp()})
          .filter(p -> Double.isFinite(p[1])).toList(), false));
    }
    if (sweep.perUnitOfParam()) {
      linearReference(series).ifPresent(lines::add);
    }
    if (lines.stream().anyMatch(l -> !l.points().isEmpty())) {
      doc.chart(sweep.chartFile(), sweep.chartTitle(), LineChart.render(sweep.chartTitle(),
          simpleName + ", mean of " + first.settings().describe(first.forks()), sweep.xLabel(),
          "time per statement" + (sweep.yAxis() == LineChart.YAxis.LOG ? " (log scale)" : ""), lines, false,
          sweep.yAxis(), sweep.xFormat(), Figures::nanos));
    }
    return mine;
  }

  /** The configured param if the results have it, else their only numeric one. */
  static Optional<String> sweptParam(List<BenchmarkResult> results, String preferred) {
    if (!results.isEmpty() && results.stream().allMatch(r -> numeric(r.params().get(preferred)))) {
      return Optional.of(preferred);
    }
    List<String> numericParams = results.stream().flatMap(r -> r.params().keySet().stream()).distinct()
        .filter(name -> results.stream().allMatch(r -> numeric(r.params().get(name)))).toList();
    return numericParams.size() == 1 ? Optional.of(numericParams.get(0)) : Optional.empty();
  }

  static List<Series> series(List<BenchmarkResult> results, String param) {
    boolean threadsVary = results.stream().map(BenchmarkResult::threads).distinct().count() > 1;
    Set<String> varying = BenchmarkResult.varyingParams(results);
    Map<String, Series> series = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      String others = r.params().entrySet().stream()
          .filter(e -> !e.getKey().equals(param) && varying.contains(e.getKey()))
          .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "));
      String name = r.method() + (others.isEmpty() ? "" : " [" + others + "]")
          + (threadsVary ? " (" + r.threads() + " threads)" : "");
      series.computeIfAbsent(name, n -> new Series(n, new TreeMap<>()))
          .byValue().put(Double.parseDouble(r.params().get(param)), r);
    }
    List<Series> sorted = new ArrayList<>(series.values());
    sorted.sort(Comparator.comparing((Series s) -> !s.isRaw()));
    return sorted;
  }

  /**
   * A line of slope 1 through the first point of the costliest series: what linear growth from there would
   * look like.
   */
  private static Optional<LineChart.Series> linearReference(List<Series> series) {
    return series.stream().filter(s -> !s.byValue().isEmpty())
        .max(Comparator.comparingDouble(s -> s.byValue().values().stream()
            .mapToDouble(BenchmarkResult::nanosPerOp).max().orElse(0)))
        .filter(s -> s.byValue().size() > 1)
        .map(s -> {
          double x0 = s.byValue().keySet().iterator().next();
          double y0 = s.byValue().get(x0).nanosPerOp();
          List<double[]> points = s.byValue().keySet().stream().map(x -> new double[] {x, y0 * x / x0}).toList();
          return new LineChart.Series("linear growth from " + s.name() + "'s first point", points, true);
        });
  }

  private static double added(Series s, Optional<Series> raw, double value) {
    BenchmarkResult mine = s.byValue().get(value);
    BenchmarkResult base = raw.map(r -> r.byValue().get(value)).orElse(null);
    return mine == null || base == null ? Double.NaN : mine.nanosPerOp() - base.nanosPerOp();
  }

  private static String unitOf(Sweep sweep) {
    return sweep.param().equals("length") ? "byte" : sweep.param();
  }

  private static boolean numeric(String text) {
    if (text == null) {
      return false;
    }
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
