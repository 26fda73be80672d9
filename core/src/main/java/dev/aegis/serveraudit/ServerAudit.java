package dev.aegis.serveraudit;

import java.util.List;

/** Runs the catalogue over a server's facts. */
public final class ServerAudit {
  private final List<AuditCheck> checks;
  private final AuditSettings settings;

  public ServerAudit(List<AuditCheck> checks, AuditSettings settings) {
    this.checks = List.copyOf(checks);
    this.settings = settings;
  }

  /** One finding per check, in catalogue order. */
  public List<Finding> evaluate(ServerFacts facts) {
    return checks.stream().map(check -> check.evaluate(facts, settings)).toList();
  }
}
