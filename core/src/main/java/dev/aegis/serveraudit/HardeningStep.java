package dev.aegis.serveraudit;

import java.util.List;

/**
 * One change of a hardening plan.
 *
 * @param checkId the audit check it fixes
 * @param sql the statements, run in order; empty for a manual step
 * @param manual true when it cannot or must not be done from a session (my.cnf, a restart, new passwords):
 *     printed, never run
 */
public record HardeningStep(String checkId, HardeningLevel level, String description, List<String> sql,
    boolean manual) {
  public HardeningStep {
    sql = List.copyOf(sql);
  }

  static HardeningStep run(String checkId, HardeningLevel level, String description, List<String> sql) {
    return new HardeningStep(checkId, level, description, sql, false);
  }

  static HardeningStep manual(String checkId, HardeningLevel level, String description) {
    return new HardeningStep(checkId, level, description, List.of(), true);
  }
}
