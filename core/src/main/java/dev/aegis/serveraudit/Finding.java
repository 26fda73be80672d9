package dev.aegis.serveraudit;

import java.util.List;

/**
 * One check's result on one server.
 *
 * @param evidence what was seen, one line per fact (account names, variable values; never passwords, hashes
 *     or column values)
 * @param remediation the SQL or setting that fixes it; empty when the check passed
 */
public record Finding(CheckDefinition check, Outcome outcome, List<String> evidence, String remediation) {
  public Finding {
    evidence = List.copyOf(evidence);
    remediation = remediation == null ? "" : remediation;
  }

  public boolean failed() {
    return outcome == Outcome.FAIL;
  }
}
