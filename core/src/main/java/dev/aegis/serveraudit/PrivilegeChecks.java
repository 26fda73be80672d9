package dev.aegis.serveraudit;

import static dev.aegis.serveraudit.Controls.*;

import dev.aegis.serveraudit.AuditCheck.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Who holds more than an application needs. */
final class PrivilegeChecks {
  static final String AREA = "privileges";
  /** Privileges on *.* that reach beyond the data: the server's files, other sessions, the process itself. */
  static final Set<String> ADMINISTRATIVE = Set.of("SUPER", "FILE", "PROCESS", "SHUTDOWN", "CREATE USER",
      "RELOAD", "SYSTEM_VARIABLES_ADMIN", "CONNECTION_ADMIN", "ENCRYPTION_KEY_ADMIN", "SYSTEM_USER", "BINLOG ADMIN",
      "CONNECTION ADMIN", "READ_ONLY ADMIN", "REPLICATION MASTER ADMIN", "SET USER");
  /** Data privileges that, held on *.*, give an account every schema of the server, the mysql schema included. */
  static final Set<String> DATA = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER");
  /** About how many privileges ALL PRIVILEGES grants on *.*; fewer than this are listed one by one. */
  static final int ALL_PRIVILEGES = 25;

  private PrivilegeChecks() {}

  static List<AuditCheck> all() {
    return List.of(
        new AuditCheck(new CheckDefinition("PRIV-01", "Only administrators have full access (ALL ON *.*)", AREA,
            Severity.HIGH, List.of(CIS_FULL_ACCESS, CIS_DML_SCOPE, OWASP_ACCESS, PCI_LEAST_PRIVILEGE, HIPAA_ACCESS,
                SOX_PRIVILEGED, ISO_PRIVILEGED, GDPR_CONFIDENTIALITY)), PrivilegeChecks::fullAccess),
        new AuditCheck(new CheckDefinition("PRIV-02", "Only administrators hold SUPER, FILE, PROCESS, SHUTDOWN",
            AREA, Severity.HIGH, List.of(CIS_FILE, CIS_PROCESS, CIS_SUPER, CIS_SHUTDOWN, CIS_CREATE_USER,
                OWASP_ACCESS, PCI_LEAST_PRIVILEGE, HIPAA_ACCESS, SOX_PRIVILEGED, ISO_PRIVILEGED)),
            PrivilegeChecks::administrative),
        new AuditCheck(new CheckDefinition("PRIV-03", "Only administrators hold GRANT OPTION", AREA, Severity.MEDIUM,
            List.of(CIS_GRANT_OPTION, OWASP_ACCESS, PCI_LEAST_PRIVILEGE, SOX_PRIVILEGED, ISO_PRIVILEGED)),
            PrivilegeChecks::grantOption),
        new AuditCheck(new CheckDefinition("PRIV-04", "No powerful privileges from wildcard hosts", AREA,
            Severity.HIGH, List.of(CIS_WILDCARD, OWASP_ACCESS, PCI_LEAST_PRIVILEGE, HIPAA_ACCESS, SOX_PRIVILEGED,
                ISO_ACCESS)), PrivilegeChecks::wildcardHosts));
  }

  /** Global privileges by grantee, in the order the server listed them. */
  static Map<String, Set<String>> byGrantee(ServerFacts facts) {
    Map<String, Set<String>> privileges = new LinkedHashMap<>();
    for (ServerFacts.Grant grant : facts.globalGrants()) {
      privileges.computeIfAbsent(grant.grantee(), g -> new TreeSet<>()).add(grant.privilege());
    }
    return privileges;
  }

  /** The accounts by grantee, so privileges can be matched to hosts and admin status. */
  private static Map<String, Account> accounts(ServerFacts facts) {
    return facts.accounts().stream().collect(Collectors.toMap(Account::grantee, a -> a, (a, b) -> a));
  }

  static boolean fullAccess(Set<String> privileges) {
    return privileges.containsAll(DATA);
  }

  static String describe(Set<String> privileges) {
    return privileges.size() >= ALL_PRIVILEGES ? "ALL PRIVILEGES (" + privileges.size() + ")"
        : String.join(", ", privileges);
  }

  /**
   * Runs {@code rule} over every unlocked account with global privileges (administrators only when
   * {@code adminsToo}); null when nothing was found, an unknown verdict when the accounts could not be read.
   */
  private static Verdict overAccounts(ServerFacts facts, AuditSettings settings, boolean adminsToo,
      RuleOnAccount rule) {
    if (facts.accounts() == null) {
      return Verdict.unknown(facts.unreadable().getOrDefault("accounts", "the accounts could not be read"));
    }
    if (facts.unreadable().containsKey("grants")) {
      return Verdict.unknown(facts.unreadable().get("grants"));
    }
    Map<String, Account> accounts = accounts(facts);
    List<String> evidence = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : byGrantee(facts).entrySet()) {
      Account account = accounts.get(entry.getKey());
      if (account == null || account.locked() || !adminsToo && settings.admin(account, facts)) {
        continue; // roles, locked and administrative accounts
      }
      rule.check(account, entry.getValue(), evidence, fixes);
    }
    return evidence.isEmpty() ? null : Verdict.fail(evidence, String.join("\n", fixes));
  }

  @FunctionalInterface
  private interface RuleOnAccount {
    void check(Account account, Set<String> privileges, List<String> evidence, List<String> fixes);
  }

  private static Verdict fullAccess(ServerFacts facts, AuditSettings settings) {
    Verdict found = overAccounts(facts, settings, false, (account, privileges, evidence, fixes) -> {
      if (fullAccess(privileges)) {
        evidence.add(account.grantee() + " holds " + describe(privileges) + " ON *.*");
        fixes.add("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + account.grantee() + ";\nGRANT SELECT, INSERT,"
            + " UPDATE, DELETE ON `<its schema>`.* TO " + account.grantee() + ";");
      }
    });
    return found != null ? found
        : Verdict.pass("no account other than the administrators holds data privileges on every schema");
  }

  private static Verdict administrative(ServerFacts facts, AuditSettings settings) {
    Verdict found = overAccounts(facts, settings, false, (account, privileges, evidence, fixes) -> {
      Set<String> held = new TreeSet<>(privileges);
      held.retainAll(ADMINISTRATIVE);
      if (!held.isEmpty()) {
        evidence.add(account.grantee() + " holds " + String.join(", ", held));
        fixes.add("REVOKE " + String.join(", ", held) + " ON *.* FROM " + account.grantee() + ";");
      }
    });
    return found != null ? found
        : Verdict.pass("administrative privileges are held by administrators only");
  }

  private static Verdict grantOption(ServerFacts facts, AuditSettings settings) {
    Set<String> grantable = facts.globalGrants().stream().filter(ServerFacts.Grant::grantable)
        .map(ServerFacts.Grant::grantee).collect(Collectors.toSet());
    Verdict found = overAccounts(facts, settings, false, (account, privileges, evidence, fixes) -> {
      if (grantable.contains(account.grantee())) {
        evidence.add(account.grantee() + " may grant its privileges ON *.* to others (WITH GRANT OPTION)");
        fixes.add("REVOKE GRANT OPTION ON *.* FROM " + account.grantee() + ";");
      }
    });
    return found != null ? found
        : Verdict.pass("only administrators may pass privileges on");
  }

  private static Verdict wildcardHosts(ServerFacts facts, AuditSettings settings) {
    Set<String> grantable = facts.globalGrants().stream().filter(ServerFacts.Grant::grantable)
        .map(ServerFacts.Grant::grantee).collect(Collectors.toSet());
    Verdict found = overAccounts(facts, settings, true, (account, privileges, evidence, fixes) -> {
      if (!account.wildcardHost()) {
        return;
      }
      Set<String> powerful = new TreeSet<>(privileges);
      powerful.retainAll(ADMINISTRATIVE);
      if (fullAccess(privileges) || !powerful.isEmpty() || grantable.contains(account.grantee())) {
        evidence.add(account.grantee() + " (host pattern '" + account.host() + "') holds "
            + (fullAccess(privileges) ? describe(privileges) : String.join(", ", powerful))
            + (grantable.contains(account.grantee()) ? " WITH GRANT OPTION" : "") + " ON *.*");
        fixes.add("-- name the hosts " + account.grantee() + " connects from, then:\nRENAME USER "
            + account.grantee() + " TO '" + account.user() + "'@'<application host>';");
      }
    });
    return found != null ? found
        : Verdict.pass("no account reachable through a wildcard host holds administrative or server-wide"
            + " privileges");
  }
}
