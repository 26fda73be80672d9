package dev.aegis.serveraudit;

import java.util.Map;
import java.util.stream.Collectors;

/** The report as Markdown, for a ticket, a wiki page or a pull request. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(AuditReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# Aegis server audit: ").append(cell(report.endpoint())).append("\n\n");
    out.append("- Server: ").append(cell(report.serverVersion())).append(", audited as `")
        .append(report.auditedAs().replace("`", "'")).append("`\n");
    out.append("- Run: ").append(report.startedAt()).append(" by Aegis ").append(report.aegisVersion()).append('\n');
    out.append("- **Score (").append(report.scope()).append("): ").append(report.overall().display())
        .append("** (passed ").append(report.overall().passed()).append(", failed ").append(report.overall().failed())
        .append(", not scored ").append(report.overall().notScored()).append(")\n\n");
    out.append("## Score by framework\n\n| framework | score | passed | failed |\n|---|---:|---:|---:|\n");
    report.frameworks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append("| ")
        .append(e.getKey().title()).append(" | ").append(e.getValue().display()).append(" | ")
        .append(e.getValue().passed()).append(" | ").append(e.getValue().failed()).append(" |\n"));
    out.append("\n## Failed checks by severity\n\n| severity | failed |\n|---|---:|\n");
    report.failedBySeverity().forEach((s, n) -> out.append("| ").append(s.label()).append(" | ").append(n)
        .append(" |\n"));
    if (report.trend().size() > 1) {
      out.append("\n## Trend\n\n| run | score |\n|---|---:|\n");
      report.trend().forEach(p -> out.append("| ").append(p.at()).append(" | ").append(p.score()).append(" |\n"));
    }
    out.append("\n## Findings\n\n| outcome | id | severity | check | controls |\n|---|---|---|---|---|\n");
    for (Finding f : report.findings()) {
      out.append("| ").append(f.failed() ? "**FAIL**" : f.outcome().label()).append(" | ").append(f.check().id())
          .append(" | ").append(f.check().severity().label()).append(" | ").append(cell(f.check().title()))
          .append(" | ").append(f.check().controls().stream().map(Control::toString).collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    for (Finding f : report.findings()) {
      if (f.outcome() == Outcome.PASS || f.outcome() == Outcome.NOT_APPLICABLE) {
        continue;
      }
      out.append("\n### ").append(f.check().id()).append(": ").append(cell(f.check().title())).append(" (")
          .append(f.outcome().label()).append(", ").append(f.check().severity().label()).append(")\n\n");
      f.evidence().forEach(line -> out.append("- ").append(cell(line)).append('\n'));
      if (!f.remediation().isEmpty()) {
        out.append("\n```sql\n").append(f.remediation().replace("```", "'''")).append("\n```\n");
      }
    }
    return out.toString();
  }

  /** Text safe inside a Markdown table cell or list item. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
