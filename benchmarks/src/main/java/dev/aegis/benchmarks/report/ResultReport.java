package dev.aegis.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one JMH JSON result into {@code report.md} (tables: overhead with ratios to the baselines, end to
 * end with ratios to raw, growth per parameter, threads, and a plain table for anything else) and SVG
 * charts beside it. Reads the suite's {@code run.json} too when it lies next to the JSON file.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.aegis.benchmarks.report.ResultReport RESULT.json [--out DIR]
 * </pre>
 */
public final class ResultReport {
  /** The file the report is written to, in the output folder. */
  public static final String REPORT_FILE = "report.md";
  /** The suite's record of the machine and settings, looked for beside the JSON file. */
  public static final String RUN_FILE = "run.json";

  private static final Map<String, String> PART_TITLES = new LinkedHashMap<>();

  static {
    PART_TITLES.put("overhead", "overhead per statement");
    PART_TITLES.put("threads", "threads");
    PART_TITLES.put("growth", "growth (statement length, shape churn)");
    PART_TITLES.put("endtoend", "end to end");
  }

  private ResultReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 && !(args.length == 3 && args[1].equals("--out"))) {
      System.err.println("usage: ResultReport RESULT.json [--out DIR]   (DIR defaults to the JSON file's folder)");
      System.exit(2);
    }
    Path json = Path.of(args[0]);
    Path out = args.length == 3 ? Path.of(args[2]) : json.toAbsolutePath().getParent();
    Path report = write(json, out);
    System.out.println("Report: " + report);
  }

  /** Writes {@code report.md} and its charts into {@code outDir}; returns the report's path. */
  public static Path write(Path json, Path outDir) throws IOException {
    JmhJson.Contents contents = JmhJson.read(json);
    Path runFile = json.toAbsolutePath().resolveSibling(RUN_FILE);
    Optional<JsonNode> run = Optional.empty();
    if (Files.isRegularFile(runFile)) {
      run = Optional.of(new ObjectMapper().readTree(runFile.toFile()));
    }
    ReportDocument doc = build(contents, json.getFileName().toString(), run);
    Files.createDirectories(outDir);
    for (Map.Entry<String, String> chart : doc.charts().entrySet()) {
      Files.writeString(outDir.resolve(chart.getKey()), chart.getValue(), StandardCharsets.UTF_8);
    }
    Path report = outDir.resolve(REPORT_FILE);
    Files.writeString(report, doc.markdown(), StandardCharsets.UTF_8);
    return report;
  }

  static ReportDocument build(JmhJson.Contents contents, String sourceName, Optional<JsonNode> run) {
    List<BenchmarkResult> results = contents.results();
    ReportDocument doc = new ReportDocument();
    doc.heading(1, "Benchmark results");
    doc.paragraph(summary(results, sourceName));
    run.ifPresent(r -> machine(r, doc));

    // Sections are written into a document of their own first, so that the notes come before them.
    ReportDocument body = new ReportDocument();
    Map<String, Boolean> present = new LinkedHashMap<>();
    Set<BenchmarkResult> used = Collections.newSetFromMap(new IdentityHashMap<>());
    used.addAll(OverheadSection.write(results, body));
    present.put("overhead", !used.isEmpty());
    List<BenchmarkResult> threads = ThreadsSection.write(results, processors(run), body);
    used.addAll(threads);
    present.put("threads", !threads.isEmpty());
    List<BenchmarkResult> growth = new ArrayList<>(ParamSweepSection.write(results,
        ParamSweepSection.STATEMENT_LENGTH, body));
    growth.addAll(ParamSweepSection.write(results, ParamSweepSection.SHAPE_CHURN, body));
    used.addAll(growth);
    present.put("growth", !growth.isEmpty());
    List<BenchmarkResult> endToEnd = EndToEndSection.write(results, body);
    used.addAll(endToEnd);
    present.put("endtoend", !endToEnd.isEmpty());
    List<BenchmarkResult> rest = results.stream().filter(r -> !used.contains(r)).toList();
    GenericSection.write(rest, !used.isEmpty(), body);

    List<String> notes = new ArrayList<>(contents.notes());
    boolean suiteRun = run.isPresent() || present.containsValue(true);
    if (suiteRun) {
      present.forEach((part, there) -> {
        if (!there) {
          notes.add("No " + PART_TITLES.get(part) + " results in this file: " + partStatus(run, part) + ".");
        }
      });
    } else if (!results.isEmpty()) {
      notes.add("None of the suite's benchmarks (overhead, growth, end to end) are in this file: plain tables only.");
    }
    if (!notes.isEmpty()) {
      new LinkedHashSet<>(notes).forEach(note -> doc.bullet("**Note:** " + note));
      doc.endList();
    }
    return merge(doc, body);
  }

  private static ReportDocument merge(ReportDocument head, ReportDocument body) {
    ReportDocument all = new ReportDocument();
    all.paragraph(head.markdown().stripTrailing());
    all.paragraph(body.markdown().stripTrailing());
    body.charts().forEach((name, svg) -> all.chartFile(name, svg));
    return all;
  }

  private static String summary(List<BenchmarkResult> results, String sourceName) {
    if (results.isEmpty()) {
      return "From `" + sourceName + "`: no results.";
    }
    BenchmarkResult.RunSettings settings = results.get(0).settings();
    Set<String> jvms = new LinkedHashSet<>();
    results.forEach(r -> jvms.add(r.settings().vmName() + " " + r.settings().vmVersion()));
    return "From `" + sourceName + "`: " + results.size() + " results, JMH " + settings.jmhVersion() + ", "
        + String.join("; ", jvms) + ". Figures from a shared or noisy machine are only indicative.";
  }

  private static void machine(JsonNode run, ReportDocument doc) {
    JsonNode machine = run.path("machine");
    JsonNode jvm = run.path("jvm");
    List<String> lines = new ArrayList<>();
    lines.add("Run: `" + run.path("mode").asText("?") + "` suite, started " + run.path("started").asText("?")
        + ", took " + minutes(run.path("elapsedSeconds").asDouble(Double.NaN))
        + (run.path("git").isTextual() ? ", commit `" + run.path("git").asText() + "`" : "") + ".");
    lines.add("Machine: " + machine.path("availableProcessors").asText("?") + " hardware threads, "
        + machine.path("cpuModel").asText("CPU model unknown") + ", " + machine.path("memory").asText("memory unknown")
        + ", " + machine.path("os").asText("OS unknown") + "; load average at the start "
        + machine.path("loadAverageAtStart").asText("unknown") + ".");
    lines.add("JVM: " + jvm.path("java.vm.name").asText("?") + " " + jvm.path("java.vm.version").asText("?")
        + " (" + jvm.path("java.vm.vendor").asText("?") + "); JMH " + run.path("jmhVersion").asText("?") + ".");
    for (JsonNode part : run.path("parts")) {
      StringBuilder line = new StringBuilder("Part `" + part.path("name").asText() + "`: " + part.path("status")
          .asText());
      if (part.hasNonNull("detail")) {
        line.append(" (").append(part.path("detail").asText()).append(')');
      }
      for (JsonNode step : part.path("runs")) {
        line.append("; ").append(step.path("description").asText());
      }
      lines.add(line.append('.').toString());
    }
    lines.forEach(doc::bullet);
    doc.endList();
  }

  private static String partStatus(Optional<JsonNode> run, String part) {
    if (run.isPresent()) {
      for (JsonNode p : run.get().path("parts")) {
        if (p.path("name").asText().equals(part)) {
          return "the part " + p.path("status").asText("?")
              + (p.hasNonNull("detail") ? " (" + p.path("detail").asText() + ")" : "");
        }
      }
      return "the part was not run";
    }
    return "the part failed or was not run";
  }

  private static Optional<String> processors(Optional<JsonNode> run) {
    return run.map(r -> r.path("machine").path("availableProcessors"))
        .filter(JsonNode::isNumber).map(n -> "the machine has " + n.asInt() + " hardware threads");
  }

  private static String minutes(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "?";
    }
    long whole = Math.round(seconds);
    return whole / 60 + " min " + whole % 60 + " s";
  }
}
