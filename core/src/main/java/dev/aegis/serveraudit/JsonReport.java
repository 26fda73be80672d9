package dev.aegis.serveraudit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The report as JSON, for CI gates and scripts. Field names and meanings are a contract ({@value
 * AuditReport#SCHEMA}, docs/audit.md): fields may be added, none renamed or removed without a new schema.
 */
public final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(AuditReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", AuditReport.SCHEMA);
    root.put("startedAt", report.startedAt().toString());
    ObjectNode server = root.putObject("server");
    server.put("endpoint", report.endpoint());
    server.put("version", report.serverVersion());
    server.put("auditedAs", report.auditedAs());
    root.put("aegisVersion", report.aegisVersion());
    root.put("scope", report.framework() == null ? "all" : report.framework().id());
    score(root, report.overall());
    ObjectNode frameworks = root.putObject("frameworks");
    report.frameworks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
      ObjectNode framework = frameworks.putObject(entry.getKey().id());
      framework.put("title", entry.getKey().title());
      score(framework, entry.getValue());
    });
    ObjectNode severities = root.putObject("failedBySeverity");
    report.failedBySeverity().forEach((severity, count) -> severities.put(severity.label(), count));
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : report.findings()) {
      ObjectNode node = findings.addObject();
      CheckDefinition check = finding.check();
      node.put("id", check.id());
      node.put("title", check.title());
      node.put("area", check.area());
      node.put("severity", check.severity().label());
      node.put("outcome", finding.outcome().label());
      ArrayNode evidence = node.putArray("evidence");
      finding.evidence().forEach(evidence::add);
      node.put("remediation", finding.remediation());
      ArrayNode controls = node.putArray("controls");
      for (Control control : check.controls()) {
        ObjectNode c = controls.addObject();
        c.put("framework", control.framework().id());
        c.put("id", control.id());
        c.put("title", control.title());
      }
    }
    ArrayNode trend = root.putArray("trend");
    for (AuditReport.TrendPoint point : report.trend()) {
      ObjectNode p = trend.addObject();
      p.put("at", point.at().toString());
      p.put("score", point.score());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void score(ObjectNode node, Score score) {
    if (score.scored()) {
      node.put("score", score.value());
    } else {
      node.putNull("score");
    }
    node.put("passed", score.passed());
    node.put("failed", score.failed());
    node.put("notScored", score.notScored());
  }
}
