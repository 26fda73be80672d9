package dev.aegis.serveraudit;

import dev.aegis.serveraudit.tls.ServerCertificate;
import dev.aegis.serveraudit.tls.TlsObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ServerFacts} for check tests: a hardened MariaDB by default, weakened one fact at a time. */
final class Facts {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  String version = "10.11.5-MariaDB";
  final Map<String, String> variables = new HashMap<>(Map.of("require_secure_transport", "ON", "have_ssl", "YES",
      "tls_version", "TLSv1.2,TLSv1.3", "local_infile", "OFF", "secure_file_priv", "NULL", "sql_mode",
      "STRICT_ALL_TABLES", "skip_name_resolve", "ON", "log_bin", "ON", "encrypt_binlog", "ON",
      "default_password_lifetime", "180"));
  final Map<String, String> status = new HashMap<>();
  final Map<String, String> plugins = new HashMap<>(Map.of("simple_password_check", "ACTIVE", "server_audit",
      "ACTIVE"));
  final List<String> components = new ArrayList<>();
  List<Account> accounts = new ArrayList<>(List.of(
      new Account("root", "localhost", "mysql_native_password", true, false, ""),
      new Account("admin", "127.0.0.1", "mysql_native_password", true, false, ""),
      new Account("app", "10.0.0.5", "mysql_native_password", true, false, "ANY")));
  final List<ServerFacts.Grant> grants = new ArrayList<>();
  final List<ServerFacts.SchemaGrant> schemaGrants = new ArrayList<>();
  final List<String> schemas = new ArrayList<>(List.of("information_schema", "mysql", "shop"));
  String currentUser = "admin@127.0.0.1";
  TlsObservation tls = tls(certificate("RSA", 3072, "SHA256withRSA", NOW.plusSeconds(86_400L * 300)));
  final Map<String, String> unreadable = new HashMap<>();
  AegisPosture aegis;

  Facts() {
    variables.put("simple_password_check_minimal_length", "14");
    variables.put("max_password_errors", "5");
    variables.put("server_audit_logging", "ON");
    grantAll("'root'@'localhost'", true);
    grantAll("'admin'@'127.0.0.1'", true);
    grants.add(new ServerFacts.Grant("'app'@'10.0.0.5'", "USAGE", false));
  }

  static ServerCertificate certificate(String algorithm, int bits, String signature, Instant notAfter) {
    return new ServerCertificate("CN=db.example.com", "CN=Example CA", NOW.minusSeconds(86_400L * 30), notAfter,
        algorithm, bits, signature, false, List.of("DNS:db.example.com"));
  }

  static TlsObservation tls(ServerCertificate leaf) {
    return new TlsObservation(true, "TLSv1.3", "TLS_AES_256_GCM_SHA384", List.of(leaf),
        Map.of("TLSv1.2", true, "TLSv1.3", true), null);
  }

  Facts grantAll(String grantee, boolean grantable) {
    for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "RELOAD", "SHUTDOWN",
        "PROCESS", "FILE", "REFERENCES", "INDEX", "ALTER", "SHOW DATABASES", "SUPER", "CREATE TEMPORARY TABLES",
        "LOCK TABLES", "EXECUTE", "REPLICATION SLAVE", "BINLOG MONITOR", "CREATE VIEW", "SHOW VIEW",
        "CREATE ROUTINE", "ALTER ROUTINE", "CREATE USER", "EVENT", "TRIGGER", "CREATE TABLESPACE", "DELETE HISTORY")) {
      grants.add(new ServerFacts.Grant(grantee, privilege, grantable));
    }
    return this;
  }

  Facts account(Account account) {
    accounts.add(account);
    return this;
  }

  ServerFacts build() {
    return new ServerFacts("db.example.com:3306", version, variables, status, plugins, components, accounts, grants,
        schemaGrants, schemas, currentUser, true, tls, unreadable, aegis);
  }

  /** The finding of check {@code id} on these facts. */
  Finding check(String id) {
    return check(id, AuditSettings.DEFAULTS);
  }

  Finding check(String id, AuditSettings settings) {
    return CheckCatalogue.all(() -> NOW).stream().filter(c -> c.definition().id().equals(id)).findFirst()
        .orElseThrow().evaluate(build(), settings);
  }

  List<Finding> all() {
    return new ServerAudit(CheckCatalogue.all(() -> NOW), AuditSettings.DEFAULTS).evaluate(build());
  }
}
