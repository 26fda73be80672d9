package dev.aegis.serveraudit;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One audit of one server: what every check found, the scores, and the earlier runs for the trend.
 *
 * @param framework the framework the report is limited to; null for all
 * @param auditedAs the account the audit ran as
 * @param findings in catalogue order, limited to {@code framework}'s checks when one is given
 * @param frameworks each framework's score, over the checks mapped to it
 * @param trend earlier runs against the same server, oldest first, then this one
 */
public record AuditReport(Instant startedAt, String endpoint, String serverVersion, String aegisVersion,
    String auditedAs, Framework framework, List<Finding> findings, Score overall, Map<Framework, Score> frameworks,
    List<TrendPoint> trend) {
  /** The version of the JSON form; a change that breaks readers gets a new one. */
  public static final String SCHEMA = "aegis-audit/1";

  public AuditReport {
    findings = List.copyOf(findings);
    frameworks = Map.copyOf(frameworks);
    trend = List.copyOf(trend);
  }

  /** One run in the trend: when, and its overall score. */
  public record TrendPoint(Instant at, int score) {}

  /** Builds the report of {@code all} findings, limited to {@code framework} when it is not null. */
  public static AuditReport of(Instant startedAt, ServerFacts facts, String aegisVersion, Framework framework,
      List<Finding> all, List<TrendPoint> earlier) {
    List<Finding> findings = framework == null ? all
        : all.stream().filter(f -> f.check().mapsTo(framework)).toList();
    Map<Framework, Score> frameworks = new EnumMap<>(Framework.class);
    for (Framework f : framework == null ? List.of(Framework.values()) : List.of(framework)) {
      frameworks.put(f, Score.of(all.stream().filter(finding -> finding.check().mapsTo(f)).toList()));
    }
    Score overall = Score.of(findings);
    List<TrendPoint> trend = new java.util.ArrayList<>(earlier);
    if (overall.scored()) {
      trend.add(new TrendPoint(startedAt, overall.value()));
    }
    return new AuditReport(startedAt, facts.endpoint(), facts.version(), aegisVersion, facts.currentUser(),
        framework, findings, overall, frameworks, trend);
  }

  /** Failed findings per severity, every severity present (0 when none). */
  public Map<Severity, Integer> failedBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    findings.stream().filter(Finding::failed).forEach(f -> counts.merge(f.check().severity(), 1, Integer::sum));
    return counts;
  }

  /** "all frameworks" or the framework's title. */
  public String scope() {
    return framework == null ? "all frameworks" : framework.title();
  }
}
