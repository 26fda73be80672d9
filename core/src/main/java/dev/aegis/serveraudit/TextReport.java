package dev.aegis.serveraudit;

import java.util.Map;

/** The report for a terminal: failures first, each with what was seen and what to run. */
public final class TextReport {
  private TextReport() {}

  public static String render(AuditReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Aegis server audit of ").append(report.endpoint()).append(" (").append(report.serverVersion())
        .append("), as ").append(report.auditedAs()).append(", ").append(report.startedAt()).append('\n');
    out.append("Score (").append(report.scope()).append("): ").append(report.overall().display())
        .append("   passed ").append(report.overall().passed()).append(", failed ").append(report.overall().failed())
        .append(", not scored ").append(report.overall().notScored()).append('\n');
    if (report.frameworks().size() > 1) {
      report.frameworks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out
          .append(String.format("  %-9s %7s  %s%n", e.getKey().id(), e.getValue().display(), e.getKey().title())));
    }
    StringBuilder severities = new StringBuilder();
    report.failedBySeverity().forEach((severity, count) -> severities.append(severities.length() == 0 ? "" : ", ")
        .append(count).append(' ').append(severity.label()));
    out.append("Failed: ").append(severities).append('\n');
    if (report.trend().size() > 1) {
      out.append("Trend: ");
      report.trend().forEach(p -> out.append(p.score()).append(' '));
      out.append("(oldest first)\n");
    }
    for (Outcome outcome : new Outcome[] {Outcome.FAIL, Outcome.UNKNOWN, Outcome.PASS, Outcome.NOT_APPLICABLE}) {
      for (Finding finding : report.findings()) {
        if (finding.outcome() != outcome) {
          continue;
        }
        CheckDefinition check = finding.check();
        out.append('\n').append(String.format("[%s] %-8s %-8s %s%n", outcome.label().toUpperCase(), check.id(),
            check.severity().label(), check.title()));
        finding.evidence().forEach(line -> out.append("      seen: ").append(line).append('\n'));
        if (!finding.remediation().isEmpty()) {
          out.append("      fix:  ").append(finding.remediation().replace("\n", "\n            ")).append('\n');
        }
        if (outcome == Outcome.FAIL) {
          out.append("      maps: ").append(String.join(", ", check.controls().stream().map(Control::toString)
              .toList())).append('\n');
        }
      }
    }
    return out.toString();
  }
}
