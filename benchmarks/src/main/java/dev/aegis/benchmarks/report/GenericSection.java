package dev.aegis.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every result no other section used, one plain table per benchmark class. */
final class GenericSection {
  private GenericSection() {}

  static void write(List<BenchmarkResult> results, boolean otherSections, ReportDocument doc) {
    if (results.isEmpty()) {
      return;
    }
    Map<String, List<BenchmarkResult>> byClass = new LinkedHashMap<>();
    results.forEach(r -> byClass.computeIfAbsent(r.className(), c -> new ArrayList<>()).add(r));
    doc.heading(2, otherSections ? "Other benchmarks" : "Results");
    for (Map.Entry<String, List<BenchmarkResult>> entry : byClass.entrySet()) {
      BenchmarkResult first = entry.getValue().get(0);
      doc.heading(3, first.simpleClassName());
      doc.paragraph("`" + entry.getKey() + "`, " + first.settings().describe(first.forks()) + ".");
      boolean anyParams = entry.getValue().stream().anyMatch(r -> !r.params().isEmpty());
      boolean anyAllocation = entry.getValue().stream().anyMatch(r -> r.allocatedPerOp().isPresent());
      MarkdownTable table = anyParams
          ? new MarkdownTable("benchmark", "params", "mode", ">threads", ">score", "unit", ">median", ">B/op")
          : new MarkdownTable("benchmark", "mode", ">threads", ">score", "unit", ">median", ">B/op");
      for (BenchmarkResult r : entry.getValue()) {
        String bytes = r.allocatedPerOp().map(m -> Figures.bytes(m.score())).orElse(anyAllocation ? "n/a" : "—");
        if (anyParams) {
          table.row("`" + r.method() + "`", r.paramsText(), r.mode(), Integer.toString(r.threads()),
              Figures.scoreWithError(r.primary()), r.primary().unit(), Figures.number(r.primary().median()), bytes);
        } else {
          table.row("`" + r.method() + "`", r.mode(), Integer.toString(r.threads()),
              Figures.scoreWithError(r.primary()), r.primary().unit(), Figures.number(r.primary().median()), bytes);
        }
      }
      doc.table(table);
    }
  }
}
