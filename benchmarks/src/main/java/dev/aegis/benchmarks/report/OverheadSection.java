package dev.aegis.benchmarks.report;

import dev.aegis.benchmarks.report.chart.HorizontalBarChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OverheadBenchmark at one thread: each arm's time and allocation per statement on the stub driver, what it
 * adds over its baseline, the ratio to it, and issue 7's targets.
 */
final class OverheadSection {
  static final String CLASS = "dev.aegis.benchmarks.overhead.OverheadBenchmark";

  /** Arms measured against something other than {@code raw}: the same statement without Aegis. */
  private static final Map<String, String> BASELINES =
      Map.of("aegisUniqueLiteral", "rawUniqueLiteral", "aegisEncrypted", "rawEncryptedShape");
  /** Reading order: the plain arms and the peers, then each special case after its baseline. */
  private static final List<String> ORDER = List.of("raw", "aegisPassThrough", "aegisEnforce", "p6spy",
      "datasourceProxy", "rawUniqueLiteral", "aegisUniqueLiteral", "rawEncryptedShape", "aegisEncrypted");
  /** Issue 7's targets for the time each arm adds over its baseline, in ns. */
  private static final Map<String, Target> TARGETS = Map.of(
      "aegisPassThrough", new Target(300, "pass-through (no configuration)"),
      "aegisEnforce", new Target(1_500, "detection in enforce, cache hit"),
      "aegisUniqueLiteral", new Target(5_000, "unique literal per statement"),
      "aegisEncrypted", new Target(10_000, "2 encrypted parameters in, 2 encrypted columns out"));
  /** Issue 7: allocation on the cache-hit path, at most 1 KB per statement. */
  private static final double ALLOCATION_TARGET = 1024;

  record Target(double nanos, String meaning) {}

  /**
   * One arm and its baseline: {@code baselineName} is null for the baselines themselves, and the baseline is
   * empty also when its result is missing from the file.
   */
  record Arm(BenchmarkResult result, String baselineName, Optional<BenchmarkResult> baseline) {
    String name() {
      return result.method() + (result.params().isEmpty() ? "" : " [" + result.paramsText() + "]");
    }

    /** Nanoseconds added per operation over the baseline; NaN for a baseline. */
    double addedNanos() {
      return baseline.map(b -> result.nanosPerOp() - b.nanosPerOp()).orElse(Double.NaN);
    }

    double ratio() {
      return baseline.map(b -> result.nanosPerOp() / b.nanosPerOp()).orElse(Double.NaN);
    }

    double bytes() {
      return result.allocatedPerOp().map(Metric::score).orElse(Double.NaN);
    }

    double addedBytes() {
      return baseline.flatMap(BenchmarkResult::allocatedPerOp).map(b -> bytes() - b.score()).orElse(Double.NaN);
    }

    Optional<Target> target() {
      return Optional.ofNullable(TARGETS.get(result.method()));
    }
  }

  private OverheadSection() {}

  /** The one-thread arms of OverheadBenchmark, in reading order, each with its baseline. */
  static List<Arm> arms(List<BenchmarkResult> results) {
    List<BenchmarkResult> mine = results.stream()
        .filter(r -> r.className().equals(CLASS) && r.threads() == 1).toList();
    List<Arm> arms = new ArrayList<>();
    for (BenchmarkResult result : mine) {
      String baselineName = baselineOf(result.method());
      Optional<BenchmarkResult> baseline = baselineName == null ? Optional.empty() : find(mine, baselineName,
          result.params());
      arms.add(new Arm(result, baselineName, baseline));
    }
    arms.sort(Comparator.comparingInt(arm -> {
      int index = ORDER.indexOf(arm.result().method());
      return index < 0 ? ORDER.size() : index;
    }));
    return arms;
  }

  /** The baseline arm's method name, or null when the arm is a baseline (its name starts with "raw"). */
  static String baselineOf(String method) {
    return method.startsWith("raw") ? null : BASELINES.getOrDefault(method, "raw");
  }

  /** Writes the section; returns the results it used. */
  static List<BenchmarkResult> write(List<BenchmarkResult> results, ReportDocument doc) {
    List<Arm> arms = arms(results);
    if (arms.isEmpty()) {
      return List.of();
    }
    BenchmarkResult first = arms.get(0).result();
    doc.heading(2, "Overhead per statement (stub driver, no I/O)");
    doc.paragraph("`" + CLASS + "`, 1 thread, " + first.settings().describe(first.forks()) + ". "
        + "Mean ± JMH's error (99.9% confidence interval); *adds* is the arm's mean minus its baseline's "
        + "(`aegisUniqueLiteral` is compared with `rawUniqueLiteral`, `aegisEncrypted` with "
        + "`rawEncryptedShape`, every other arm with `raw`). B/op is `gc.alloc.rate.norm` from `-prof gc`.");
    MarkdownTable table = new MarkdownTable("arm", "baseline", ">ns/op", ">median ns/op", ">B/op", ">adds ns/op",
        ">adds B/op", ">× baseline");
    for (Arm arm : arms) {
      BenchmarkResult r = arm.result();
      String baseline = arm.baselineName() == null ? "—"
          : "`" + arm.baselineName() + "`" + (arm.baseline().isPresent() ? "" : " (missing)");
      table.row("`" + arm.name() + "`", baseline,
          Figures.scoreWithError(r.primary()) + unitSuffix(r), Figures.number(r.primary().median()),
          r.allocatedPerOp().map(m -> Figures.bytes(m.score())).orElse("—"),
          arm.baseline().isPresent() ? Figures.signed(arm.addedNanos()) : "—",
          arm.baseline().isPresent() && Double.isFinite(arm.addedBytes()) ? Figures.signedBytes(arm.addedBytes()) : "—",
          arm.baseline().isPresent() ? Figures.ratio(arm.ratio()) : "—");
    }
    doc.table(table);
    if (!first.primary().unit().equals("ns/op")) {
      doc.paragraph("The scores above are in " + first.primary().unit() + "; *adds* is in ns/op.");
    }

    List<Arm> compared = arms.stream().filter(a -> a.baseline().isPresent()).toList();
    if (!compared.isEmpty()) {
      List<HorizontalBarChart.Bar> bars = compared.stream().map(a -> new HorizontalBarChart.Bar(
          a.name() + " (vs " + a.baseline().orElseThrow().method() + ")", a.addedNanos(),
          a.addedNanos() > 0 ? "+" + Figures.nanos(a.addedNanos()) + "  (×" + Figures.ratio(a.ratio()) + ")"
              : Figures.signed(a.addedNanos()) + " ns (within noise)",
          a.target().map(Target::nanos).orElse(Double.NaN))).toList();
      doc.chart("overhead.svg", "Time each arm adds per statement over its baseline",
          HorizontalBarChart.render("Time added per statement over the baseline",
              "OverheadBenchmark, stub driver (no I/O), 1 thread, mean of "
                  + first.settings().describe(first.forks()) + "; logarithmic axis",
              "ns/op added over the baseline (log scale)", bars, true, Figures::nanos,
              "mean added ns/op (× = ratio to the baseline)", "issue 7 target"));
    }
    targets(arms, doc);
    return arms.stream().map(Arm::result).toList();
  }

  private static void targets(List<Arm> arms, ReportDocument doc) {
    List<String> lines = new ArrayList<>();
    for (Arm arm : arms) {
      arm.target().filter(t -> arm.baseline().isPresent()).ifPresent(target -> lines.add(target.meaning()
          + " (`" + arm.name() + "`): adds " + Figures.nanos(arm.addedNanos()) + ", target ≤ "
          + Figures.nanos(target.nanos()) + ": **" + (arm.addedNanos() <= target.nanos() ? "met" : "missed")
          + "**"));
    }
    arms.stream().filter(a -> a.result().method().equals("aegisEnforce") && Double.isFinite(a.addedBytes()))
        .findFirst().ifPresent(arm -> lines.add("allocation on the cache-hit path (`aegisEnforce`): adds "
            + Figures.bytes(arm.addedBytes()) + " B/op, target ≤ 1 KB (1,024 B): **"
            + (arm.addedBytes() <= ALLOCATION_TARGET ? "met" : "missed") + "**"));
    Optional<Arm> p6spy = arms.stream().filter(a -> a.result().method().equals("p6spy")).findFirst();
    p6spy.filter(p -> p.baseline().isPresent()).ifPresent(p -> arms.stream()
        .filter(a -> a.result().method().equals("aegisPassThrough") || a.result().method().equals("aegisEnforce"))
        .filter(a -> a.baseline().isPresent())
        .forEach(a -> lines.add("`" + a.name() + "` adds " + Figures.nanos(a.addedNanos()) + ", P6Spy adds "
            + Figures.nanos(p.addedNanos()) + ": Aegis **" + (a.addedNanos() < p.addedNanos() ? "lower" : "not lower")
            + "** (target: lower than P6Spy)")));
    if (lines.isEmpty()) {
      return;
    }
    doc.paragraph("Issue 7's targets, judged on the means (see the errors above before trusting a close call):");
    lines.forEach(doc::bullet);
    doc.endList();
  }

  private static Optional<BenchmarkResult> find(List<BenchmarkResult> results, String method,
      Map<String, String> params) {
    List<BenchmarkResult> named = results.stream().filter(r -> r.method().equals(method)).toList();
    Optional<BenchmarkResult> same = named.stream().filter(r -> r.params().equals(params)).findFirst();
    if (same.isPresent() || named.size() != 1) {
      return same;
    }
    return Optional.of(named.get(0));
  }

  private static String unitSuffix(BenchmarkResult r) {
    return r.primary().unit().equals("ns/op") ? "" : " " + r.primary().unit();
  }
}
