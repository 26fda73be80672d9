package dev.aegis.serveraudit;

import static dev.aegis.serveraudit.Controls.*;

import dev.aegis.serveraudit.AuditCheck.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Server settings that open doors an application never needs. */
final class ConfigurationChecks {
  static final String AREA = "configuration";

  private ConfigurationChecks() {}

  static List<AuditCheck> all() {
    return List.of(
        new AuditCheck(new CheckDefinition("CFG-01", "No test database, no grants on test schemas", AREA,
            Severity.MEDIUM, List.of(CIS_TEST_DB, OWASP_MISCONFIG, PCI_DEFAULT_ACCOUNTS, PCI_NECESSARY,
                SOX_CONFIGURATION, ISO_CONFIGURATION)), ConfigurationChecks::testDatabase),
        new AuditCheck(new CheckDefinition("CFG-02", "LOAD DATA LOCAL disabled (local_infile)", AREA, Severity.HIGH,
            List.of(CIS_LOCAL_INFILE, OWASP_MISCONFIG, PCI_NECESSARY, GDPR_CONFIDENTIALITY, ISO_LEAKAGE,
                ISO_CONFIGURATION)), ConfigurationChecks::localInfile),
        new AuditCheck(new CheckDefinition("CFG-03", "Server-side file access confined (secure_file_priv)", AREA,
            Severity.MEDIUM, List.of(CIS_SECURE_FILE_PRIV, OWASP_MISCONFIG, PCI_NECESSARY, GDPR_CONFIDENTIALITY,
                ISO_LEAKAGE)), ConfigurationChecks::secureFilePriv),
        new AuditCheck(new CheckDefinition("CFG-04", "Strict SQL mode", AREA, Severity.LOW,
            List.of(CIS_SQL_MODE, OWASP_MISCONFIG, HIPAA_INTEGRITY, SOX_CONFIGURATION, ISO_CONFIGURATION)),
            ConfigurationChecks::sqlMode));
  }

  /** {@code test} and the {@code test\_%} pattern mysql_install_db grants to everybody. */
  static boolean testSchema(String schema) {
    String lower = schema.toLowerCase(Locale.ROOT);
    return lower.equals("test") || lower.startsWith("test\\_") || lower.startsWith("test_%");
  }

  private static Verdict testDatabase(ServerFacts facts, AuditSettings settings) {
    List<String> evidence = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    if (facts.schemas().stream().anyMatch(s -> s.equalsIgnoreCase("test"))) {
      evidence.add("database `test` exists");
      fixes.add("DROP DATABASE `test`;");
    }
    Map<String, TreeSet<String>> grants = new LinkedHashMap<>();
    for (ServerFacts.SchemaGrant grant : facts.schemaGrants()) {
      if (testSchema(grant.schema())) {
        grants.computeIfAbsent(grant.grantee() + " ON `" + grant.schema() + "`", k -> new TreeSet<>())
            .add(grant.privilege());
      }
    }
    grants.forEach((on, privileges) -> {
      evidence.add(on.replace(" ON ", " holds " + privileges.size() + " privilege(s) on ")
          + " (any database named so gets them)");
      int split = on.indexOf(" ON ");
      fixes.add("REVOKE ALL PRIVILEGES ON " + on.substring(split + 4) + ".* FROM "
          + grantTarget(on.substring(0, split)) + ";");
    });
    if (evidence.isEmpty()) {
      return Verdict.pass("no test database and no grants on test schemas");
    }
    return Verdict.fail(evidence, String.join("\n", fixes));
  }

  /** How GRANT and REVOKE name a grantee: MariaDB's PUBLIC role is written bare. */
  static String grantTarget(String grantee) {
    return grantee.equals("'PUBLIC'@''") ? "PUBLIC" : grantee;
  }

  private static Verdict localInfile(ServerFacts facts, AuditSettings settings) {
    if (!facts.on("local_infile")) {
      return Verdict.pass("local_infile = " + facts.variable("local_infile").orElse("OFF"));
    }
    return Verdict.fail(List.of("local_infile = ON: the server may ask any client for a file of the client's"
        + " machine (LOAD DATA LOCAL), a path an injected or rogue statement uses to read files off application hosts"),
        (facts.mariadb() ? "SET GLOBAL" : "SET PERSIST") + " local_infile = OFF;"
            + (facts.mariadb() ? "  -- and local_infile = 0 under [mysqld] in my.cnf" : ""));
  }

  private static Verdict secureFilePriv(ServerFacts facts, AuditSettings settings) {
    String value = facts.variable("secure_file_priv").orElse("");
    if (value.equals("NULL")) {
      return Verdict.pass("secure_file_priv = NULL: the server reads and writes no files for statements");
    }
    if (!value.isEmpty() && !value.equals("/")) {
      return Verdict.pass("secure_file_priv = " + value + ": LOAD DATA and SELECT … INTO OUTFILE confined there");
    }
    return Verdict.fail(List.of("secure_file_priv = '" + value + "': any account with FILE may read and write"
        + " every file the server's OS user can"), "secure_file_priv = NULL (or a dedicated empty directory) under"
        + " [mysqld] in my.cnf, then restart");
  }

  private static Verdict sqlMode(ServerFacts facts, AuditSettings settings) {
    String mode = facts.variable("sql_mode").orElse("");
    String upper = mode.toUpperCase(Locale.ROOT);
    if (upper.contains("STRICT_ALL_TABLES") || upper.contains("STRICT_TRANS_TABLES")) {
      return Verdict.pass("sql_mode = " + mode + (upper.contains("STRICT_ALL_TABLES") ? ""
          : " (CIS asks for STRICT_ALL_TABLES; STRICT_TRANS_TABLES covers transactional tables)"));
    }
    String strict = mode.isEmpty() ? "STRICT_ALL_TABLES" : mode + ",STRICT_ALL_TABLES";
    return Verdict.fail(List.of("sql_mode = '" + mode + "': invalid or too long values are silently truncated"
        + " or changed rather than refused"), (facts.mariadb() ? "SET GLOBAL" : "SET PERSIST") + " sql_mode = '"
        + strict + "';" + (facts.mariadb() ? "  -- and sql_mode in my.cnf" : ""));
  }
}
