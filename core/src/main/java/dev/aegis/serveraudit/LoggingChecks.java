package dev.aegis.serveraudit;

import static dev.aegis.serveraudit.Controls.*;

import dev.aegis.serveraudit.AuditCheck.Verdict;
import java.util.List;

/** What the server records, and whether those records are themselves protected. */
final class LoggingChecks {
  static final String AREA = "logging";
  /** Audit plugins: MariaDB's server_audit, MySQL Enterprise's and Percona's audit_log. */
  static final List<String> AUDIT_PLUGINS = List.of("server_audit", "audit_log");

  private LoggingChecks() {}

  static List<AuditCheck> all() {
    return List.of(
        new AuditCheck(new CheckDefinition("LOG-01", "Binary log on (point-in-time recovery)", AREA,
            Severity.MEDIUM, List.of(CIS_PITR, GDPR_RESTORE, HIPAA_BACKUP, SOX_RECOVERY, ISO_BACKUP)),
            LoggingChecks::binaryLog),
        new AuditCheck(new CheckDefinition("LOG-02", "Binary log encrypted", AREA, Severity.MEDIUM,
            List.of(CIS_BINLOG_ENCRYPTION, OWASP_CRYPTO, PCI_PAN_UNREADABLE, GDPR_ENCRYPTION, HIPAA_AT_REST,
                ISO_CRYPTOGRAPHY)), LoggingChecks::binaryLogEncryption),
        new AuditCheck(new CheckDefinition("LOG-03", "Audit log plugin active", AREA, Severity.HIGH,
            List.of(CIS_AUDIT_LOG, OWASP_LOGGING, PCI_AUDIT_LOGS, HIPAA_AUDIT, GDPR_BREACH, SOX_LOGGING,
                ISO_LOGGING)), LoggingChecks::auditPlugin));
  }

  private static Verdict binaryLog(ServerFacts facts, AuditSettings settings) {
    if (facts.on("log_bin")) {
      return Verdict.pass("log_bin = ON");
    }
    return Verdict.fail(List.of("log_bin = OFF: no point-in-time recovery after a bad statement or an attack,"
        + " and no record of what changed"), "log_bin = <basename> and server_id = <n> under [mysqld] in my.cnf,"
        + " then restart (MySQL 8 enables it by default)");
  }

  private static Verdict binaryLogEncryption(ServerFacts facts, AuditSettings settings) {
    if (!facts.on("log_bin")) {
      return Verdict.notApplicable("no binary log (LOG-01)");
    }
    String variable = facts.mariadb() ? "encrypt_binlog" : "binlog_encryption";
    if (facts.on(variable)) {
      return Verdict.pass(variable + " = ON");
    }
    return Verdict.fail(List.of(variable + " = " + facts.variable(variable).orElse("(absent)")
        + ": every row change, personal data included, is kept in clear text in the binary log files"),
        facts.mariadb() ? "Load a key management plugin (file_key_management or a KMS one), set encrypt_binlog ="
            + " ON under [mysqld] in my.cnf, restart"
            : "Install a keyring component, then SET PERSIST binlog_encryption = ON;");
  }

  private static Verdict auditPlugin(ServerFacts facts, AuditSettings settings) {
    for (String plugin : AUDIT_PLUGINS) {
      if (facts.pluginActive(plugin)) {
        if (plugin.equals("server_audit") && !facts.on("server_audit_logging")) {
          return Verdict.fail(List.of("plugin server_audit is installed but server_audit_logging = OFF"),
              "SET GLOBAL server_audit_logging = ON;  -- and server_audit_logging = ON in my.cnf");
        }
        return Verdict.pass("plugin " + plugin + " is active");
      }
    }
    if (facts.components().stream().anyMatch(c -> c.contains("audit_log"))) {
      return Verdict.pass("component audit_log is installed");
    }
    return Verdict.fail(List.of("no audit log plugin (server_audit, audit_log) is active: log-ins, privilege"
        + " changes and schema changes leave no trace on the server"), facts.mariadb()
        ? "INSTALL SONAME 'server_audit';\nSET GLOBAL server_audit_events = 'CONNECT,QUERY_DDL,QUERY_DCL';\n"
            + "SET GLOBAL server_audit_logging = ON;  -- and plugin_load_add = server_audit plus the settings in my.cnf"
        : "MySQL Enterprise: INSTALL PLUGIN audit_log SONAME 'audit_log.so'; Percona Server: INSTALL PLUGIN"
            + " audit_log SONAME 'audit_log.so'; MySQL Community: use a proxy or the general log with care");
  }
}
