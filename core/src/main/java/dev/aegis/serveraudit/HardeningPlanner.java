package dev.aegis.serveraudit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a server's facts into the changes a hardening level makes. Never touches the account running it (any
 * host entry of its user name): no DROP, LOCK, REVOKE or REQUIRE on it, and TLS is only required when this
 * very session is encrypted, so applying the plan cannot lock its runner out.
 */
public final class HardeningPlanner {
  /** Schemas the server keeps for itself: never granted on when re-scoping an application account. */
  static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "information_schema", "performance_schema", "sys");
  /** What an application account keeps on each application schema: its data and the DDL its migrations run. */
  static final String SCHEMA_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES,"
      + " CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, CREATE VIEW, SHOW VIEW, TRIGGER";

  private final AuditSettings settings;

  public HardeningPlanner(AuditSettings settings) {
    this.settings = settings;
  }

  /** The steps of {@code level} and the levels below it, in the order they are to run. */
  public List<HardeningStep> plan(ServerFacts facts, HardeningLevel level) {
    List<HardeningStep> steps = new ArrayList<>();
    List<Account> accounts = facts.accounts() == null ? List.of() : facts.accounts();
    if (facts.accounts() == null) {
      steps.add(HardeningStep.manual("ACCT-01", HardeningLevel.BASIC, "The accounts could not be read ("
          + facts.unreadable().get("accounts") + "): no account changes are planned. Run as an administrator."));
    }
    String set = facts.mariadb() ? "SET GLOBAL " : "SET PERSIST ";
    String persist = facts.mariadb() ? " (SET GLOBAL lasts until a restart: add the same setting under [mysqld]"
        + " in my.cnf)" : "";

    for (Account account : accounts) {
      if (account.anonymous()) {
        steps.add(HardeningStep.run("ACCT-01", HardeningLevel.BASIC, "drop anonymous account " + account.grantee(),
            List.of("DROP USER " + account.grantee())));
      }
    }
    testDatabase(facts, steps);
    if (facts.on("local_infile")) {
      steps.add(HardeningStep.run("CFG-02", HardeningLevel.BASIC, "disable LOAD DATA LOCAL" + persist,
          List.of(set + "local_infile = OFF")));
    }

    for (Account account : accounts) {
      if (account.anonymous() || account.locked() || AuditSettings.runsTheAudit(account, facts)) {
        continue;
      }
      if (account.user().equals("root") && !account.localOnly()) {
        steps.add(HardeningStep.run("ACCT-02", HardeningLevel.STANDARD, "lock remote root account "
            + account.grantee() + " (reversible: ALTER USER … ACCOUNT UNLOCK)",
            List.of("ALTER USER " + account.grantee() + " ACCOUNT LOCK")));
      } else if (account.openWithoutPassword()) {
        steps.add(HardeningStep.run("ACCT-03", HardeningLevel.STANDARD, "lock password-less account "
            + account.grantee() + " until it is given a password", List.of("ALTER USER " + account.grantee()
            + " ACCOUNT LOCK")));
      }
    }
    privileges(facts, accounts, steps);
    String mode = facts.variable("sql_mode").orElse("");
    if (!mode.contains("STRICT_ALL_TABLES") && !mode.contains("STRICT_TRANS_TABLES")) {
      steps.add(HardeningStep.run("CFG-04", HardeningLevel.STANDARD, "strict SQL mode for new sessions" + persist,
          List.of(set + "sql_mode = '" + (mode.isEmpty() ? "" : mode + ",") + "STRICT_ALL_TABLES'")));
    }
    boolean tlsWorks = facts.tls() != null && facts.tls().protocol() != null;
    if (!facts.on("require_secure_transport") && facts.variable("require_secure_transport").isPresent()) {
      if (tlsWorks && facts.sessionTls()) {
        steps.add(HardeningStep.run("NET-02", HardeningLevel.STANDARD, "refuse unencrypted connections" + persist,
            List.of(set + "require_secure_transport = ON")));
      } else {
        steps.add(HardeningStep.manual("NET-02", HardeningLevel.STANDARD, "require_secure_transport not set: "
            + (tlsWorks ? "this session is not encrypted, and requiring TLS could lock it out; rerun with"
            + " sslMode=REQUIRED in --url" : "the server offers no TLS; set it up first (aegis certs generate)")));
      }
    }

    if (tlsWorks) {
      for (Account account : accounts) {
        if (!account.localOnly() && !account.locked() && !account.system() && account.sslType().isEmpty()
            && !account.anonymous() && !AuditSettings.runsTheAudit(account, facts)) {
          steps.add(HardeningStep.run("NET-03", HardeningLevel.STRICT, "require TLS of remote account "
              + account.grantee(), List.of("ALTER USER " + account.grantee() + " REQUIRE SSL")));
        }
      }
    }
    if (facts.mariadb()) {
      long errors = facts.variable("max_password_errors").map(Long::parseLong).orElse(0L);
      if (errors > 10) {
        steps.add(HardeningStep.run("ACCT-07", HardeningLevel.STRICT, "block an account after 10 wrong passwords"
            + " in a row (accounts with CONNECTION ADMIN are exempt)" + persist,
            List.of("SET GLOBAL max_password_errors = 10")));
      }
      if (!facts.pluginActive("simple_password_check") && !facts.pluginActive("cracklib_password_check")) {
        steps.add(HardeningStep.run("ACCT-05", HardeningLevel.STRICT, "load password validation, 12 characters"
            + " minimum", List.of("INSTALL SONAME 'simple_password_check'",
            "SET GLOBAL simple_password_check_minimal_length = 12")));
      }
      if (!facts.pluginActive("server_audit")) {
        steps.add(HardeningStep.run("LOG-03", HardeningLevel.STRICT, "load the audit log plugin, logging log-ins,"
            + " DDL and privilege changes", List.of("INSTALL SONAME 'server_audit'",
            "SET GLOBAL server_audit_events = 'CONNECT,QUERY_DDL,QUERY_DCL'", "SET GLOBAL server_audit_logging = ON")));
      }
    } else {
      boolean validation = facts.pluginActive("validate_password")
          || facts.components().stream().anyMatch(c -> c.contains("validate_password"));
      if (!validation) {
        steps.add(HardeningStep.run("ACCT-05", HardeningLevel.STRICT, "install password validation, 12 characters"
            + " minimum", List.of("INSTALL COMPONENT 'file://component_validate_password'",
            "SET PERSIST validate_password.length = 12")));
      }
    }
    manualSteps(facts, steps);
    steps.removeIf(step -> !level.includes(step.level()));
    return steps;
  }

  private static void testDatabase(ServerFacts facts, List<HardeningStep> steps) {
    if (facts.schemas().stream().anyMatch(s -> s.equalsIgnoreCase("test"))) {
      steps.add(HardeningStep.run("CFG-01", HardeningLevel.BASIC, "drop the test database",
          List.of("DROP DATABASE `test`")));
    }
    Set<String> revokes = new TreeSet<>();
    for (ServerFacts.SchemaGrant grant : facts.schemaGrants()) {
      if (ConfigurationChecks.testSchema(grant.schema())) {
        revokes.add("REVOKE ALL PRIVILEGES ON `" + grant.schema().replace("`", "``") + "`.* FROM "
            + ConfigurationChecks.grantTarget(grant.grantee()));
      }
    }
    if (!revokes.isEmpty()) {
      steps.add(HardeningStep.run("CFG-01", HardeningLevel.BASIC, "revoke the grants on test schemas that any"
          + " database named test or test_… would get", List.copyOf(revokes)));
    }
  }

  private void privileges(ServerFacts facts, List<Account> accounts, List<HardeningStep> steps) {
    if (facts.unreadable().containsKey("grants")) {
      return;
    }
    Map<String, Set<String>> global = PrivilegeChecks.byGrantee(facts);
    Set<String> grantable = new TreeSet<>();
    facts.globalGrants().stream().filter(ServerFacts.Grant::grantable).forEach(g -> grantable.add(g.grantee()));
    List<String> applicationSchemas = facts.schemas().stream()
        .filter(s -> !SYSTEM_SCHEMAS.contains(s.toLowerCase(java.util.Locale.ROOT)) && !s.equalsIgnoreCase("test"))
        .toList();
    for (Account account : accounts) {
      Set<String> held = global.getOrDefault(account.grantee(), Set.of());
      if (account.locked() || settings.admin(account, facts) || held.isEmpty()) {
        continue;
      }
      Set<String> administrative = new TreeSet<>(held);
      administrative.retainAll(PrivilegeChecks.ADMINISTRATIVE);
      boolean full = PrivilegeChecks.fullAccess(held);
      boolean passesOn = grantable.contains(account.grantee());
      if (full) {
        List<String> sql = new ArrayList<>();
        sql.add("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + account.grantee());
        for (String schema : applicationSchemas) {
          sql.add("GRANT " + SCHEMA_PRIVILEGES + " ON `" + schema.replace("`", "``") + "`.* TO " + account.grantee());
        }
        steps.add(HardeningStep.run("PRIV-01", HardeningLevel.STANDARD, "take server-wide privileges from "
            + account.grantee() + " (" + PrivilegeChecks.describe(held) + "); it keeps data and DDL privileges on "
            + (applicationSchemas.isEmpty() ? "no schema (there is none besides the system ones)"
            : String.join(", ", applicationSchemas)), sql));
      } else if (!administrative.isEmpty() || passesOn) {
        List<String> sql = new ArrayList<>();
        if (!administrative.isEmpty()) {
          sql.add("REVOKE " + String.join(", ", administrative) + " ON *.* FROM " + account.grantee());
        }
        if (passesOn) {
          sql.add("REVOKE GRANT OPTION ON *.* FROM " + account.grantee());
        }
        steps.add(HardeningStep.run(administrative.isEmpty() ? "PRIV-03" : "PRIV-02", HardeningLevel.STANDARD,
            "take administrative privileges from " + account.grantee(), sql));
      }
    }
  }

  private static void manualSteps(ServerFacts facts, List<HardeningStep> steps) {
    if (!facts.on("skip_name_resolve")) {
      steps.add(HardeningStep.manual("NET-08", HardeningLevel.STANDARD, "skip_name_resolve = ON in my.cnf, then"
          + " restart (read-only at run time; accounts must name IP addresses)"));
    }
    String filePriv = facts.variable("secure_file_priv").orElse("");
    if (filePriv.isEmpty() || filePriv.equals("/")) {
      steps.add(HardeningStep.manual("CFG-03", HardeningLevel.STANDARD, "secure_file_priv = NULL (or an empty"
          + " dedicated directory) in my.cnf, then restart (read-only at run time)"));
    }
    if (!facts.on("log_bin")) {
      steps.add(HardeningStep.manual("LOG-01", HardeningLevel.STANDARD, "log_bin and server_id in my.cnf, then"
          + " restart"));
    }
    if (facts.variable("default_password_lifetime").map("0"::equals).orElse(false)) {
      steps.add(HardeningStep.manual("ACCT-06", HardeningLevel.STRICT, "default_password_lifetime = 90: not set"
          + " automatically, since accounts whose password is older (this one too) would be expired at their"
          + " next log-in; rotate the passwords first, then set it"));
    }
  }
}
