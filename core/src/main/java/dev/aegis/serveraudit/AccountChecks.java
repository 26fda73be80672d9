package dev.aegis.serveraudit;

import static dev.aegis.serveraudit.Controls.*;

import dev.aegis.serveraudit.AuditCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who can log in, and how well a password protects the door. */
final class AccountChecks {
  static final String AREA = "accounts";

  private AccountChecks() {}

  static List<AuditCheck> all() {
    return List.of(
        new AuditCheck(new CheckDefinition("ACCT-01", "No anonymous accounts", AREA, Severity.CRITICAL,
            List.of(CIS_ANONYMOUS, OWASP_AUTH, PCI_DEFAULT_ACCOUNTS, PCI_UNIQUE_ID, HIPAA_UNIQUE_ID,
                SOX_AUTHENTICATION, ISO_IDENTITY)), AccountChecks::anonymous),
        new AuditCheck(new CheckDefinition("ACCT-02", "Root and administrators reachable only locally", AREA,
            Severity.HIGH, List.of(CIS_WILDCARD, OWASP_ACCESS, PCI_DEFAULT_ACCOUNTS, HIPAA_ACCESS, SOX_PRIVILEGED,
                ISO_PRIVILEGED)), AccountChecks::remoteAdmins),
        new AuditCheck(new CheckDefinition("ACCT-03", "Every account has a password", AREA, Severity.CRITICAL,
            List.of(CIS_STRONG_AUTH, OWASP_AUTH, PCI_AUTHENTICATED, HIPAA_AUTHENTICATION, SOX_AUTHENTICATION,
                ISO_SECURE_AUTH)), AccountChecks::passwords),
        new AuditCheck(new CheckDefinition("ACCT-04", "No deprecated authentication plugins", AREA, Severity.MEDIUM,
            List.of(CIS_OLD_PASSWORD, CIS_STRONG_AUTH, OWASP_AUTH, PCI_FACTORS_PROTECTED, HIPAA_AUTHENTICATION,
                ISO_SECURE_AUTH)), AccountChecks::plugins),
        new AuditCheck(new CheckDefinition("ACCT-05", "Password validation enforced", AREA, Severity.MEDIUM,
            List.of(CIS_COMPLEXITY, OWASP_AUTH, PCI_PASSWORD_STRENGTH, HIPAA_PASSWORDS, SOX_AUTHENTICATION,
                ISO_AUTH_INFO)), AccountChecks::validation),
        new AuditCheck(new CheckDefinition("ACCT-06", "Passwords expire", AREA, Severity.LOW,
            List.of(CIS_PASSWORD_LIFETIME, OWASP_AUTH, PCI_PASSWORD_CHANGE, HIPAA_PASSWORDS, ISO_AUTH_INFO)),
            AccountChecks::lifetime),
        new AuditCheck(new CheckDefinition("ACCT-07", "Accounts lock after failed log-ins", AREA, Severity.MEDIUM,
            List.of(OWASP_AUTH, PCI_LOCKOUT, HIPAA_LOGIN_MONITORING, ISO_SECURE_AUTH)), AccountChecks::lockout));
  }

  /** Runs {@code rule} on the accounts, or says the accounts could not be read. */
  static Verdict withAccounts(ServerFacts facts, Function<List<Account>, Verdict> rule) {
    if (facts.accounts() == null) {
      return Verdict.unknown(facts.unreadable().getOrDefault("accounts", "the accounts could not be read"));
    }
    return rule.apply(facts.accounts());
  }

  static String names(List<Account> accounts) {
    return accounts.stream().map(Account::grantee).collect(Collectors.joining(", "));
  }

  private static Verdict anonymous(ServerFacts facts, AuditSettings settings) {
    return withAccounts(facts, accounts -> {
      List<Account> found = accounts.stream().filter(Account::anonymous).toList();
      if (found.isEmpty()) {
        return Verdict.pass("no account has an empty user name");
      }
      return Verdict.fail(List.of(found.size() + " anonymous account(s): " + names(found)
          + " (anyone can log in from those hosts with any user name)"),
          found.stream().map(a -> "DROP USER " + a.grantee() + ";").collect(Collectors.joining("\n")));
    });
  }

  private static Verdict remoteAdmins(ServerFacts facts, AuditSettings settings) {
    return withAccounts(facts, accounts -> {
      List<Account> found = new ArrayList<>();
      for (Account account : accounts) {
        boolean administrator = account.user().equals("root") || settings.admins().stream()
            .anyMatch(a -> a.equalsIgnoreCase(account.user()) || a.equalsIgnoreCase(account.user() + "@"
                + account.host()));
        if (administrator && !account.localOnly() && !account.locked()) {
          found.add(account);
        }
      }
      if (found.isEmpty()) {
        return Verdict.pass("root and the named administrators log in only from the server's own machine");
      }
      return Verdict.fail(List.of("administrator account(s) reachable from other hosts: " + names(found)),
          "Keep administrators on localhost (or a bastion host) and drop or lock the remote ones:\n"
              + found.stream().map(a -> "DROP USER " + a.grantee() + ";  -- or ALTER USER " + a.grantee()
                  + " ACCOUNT LOCK;").collect(Collectors.joining("\n")));
    });
  }

  private static Verdict passwords(ServerFacts facts, AuditSettings settings) {
    return withAccounts(facts, accounts -> {
      List<Account> found = accounts.stream().filter(a -> !a.anonymous() && a.openWithoutPassword()).toList();
      if (found.isEmpty()) {
        return Verdict.pass("every named account that logs in with a password has one (or is locked)");
      }
      return Verdict.fail(List.of("account(s) without a password: " + names(found)),
          found.stream().map(a -> "ALTER USER " + a.grantee() + " IDENTIFIED BY '<strong password>';  -- or"
              + " ACCOUNT LOCK if unused").collect(Collectors.joining("\n")));
    });
  }

  private static Verdict plugins(ServerFacts facts, AuditSettings settings) {
    return withAccounts(facts, accounts -> {
      List<String> deprecated = new ArrayList<>(List.of("mysql_old_password"));
      if (!facts.mariadb() && facts.atLeast(8, 0, 34)) {
        deprecated.add("mysql_native_password");
        deprecated.add("sha256_password");
      }
      List<Account> found = accounts.stream().filter(a -> !a.locked()
          && deprecated.contains(a.plugin().toLowerCase(Locale.ROOT))).toList();
      List<String> evidence = new ArrayList<>();
      facts.variable("default_authentication_plugin").filter(deprecated::contains)
          .ifPresent(p -> evidence.add("default_authentication_plugin = " + p));
      if (found.isEmpty() && evidence.isEmpty()) {
        return Verdict.pass("no unlocked account uses " + String.join(" or ", deprecated));
      }
      found.stream().collect(Collectors.groupingBy(Account::plugin)).forEach((plugin, users) ->
          evidence.add(plugin + ": " + names(users)));
      String better = facts.mariadb() ? "ed25519 (INSTALL SONAME 'auth_ed25519')" : "caching_sha2_password";
      return Verdict.fail(evidence, "Move the accounts to " + better + ", then set a new password:\n"
          + found.stream().map(a -> "ALTER USER " + a.grantee() + " IDENTIFIED " + (facts.mariadb()
              ? "VIA ed25519 USING PASSWORD('<password>')" : "WITH caching_sha2_password BY '<password>'") + ";")
              .collect(Collectors.joining("\n")));
    });
  }

  private static Verdict validation(ServerFacts facts, AuditSettings settings) {
    List<String> evidence = new ArrayList<>();
    int minimum = 0;
    if (facts.mariadb()) {
      for (String plugin : List.of("simple_password_check", "cracklib_password_check")) {
        if (facts.pluginActive(plugin)) {
          evidence.add("plugin " + plugin + " is active");
        }
      }
      minimum = facts.variable("simple_password_check_minimal_length").map(Integer::parseInt).orElse(0);
      if (facts.pluginActive("cracklib_password_check")) {
        minimum = Math.max(minimum, 8);
      }
    } else {
      boolean component = facts.components().stream().anyMatch(c -> c.contains("validate_password"));
      if (component || facts.pluginActive("validate_password")) {
        evidence.add(component ? "component validate_password is installed" : "plugin validate_password is active");
        minimum = facts.variable("validate_password.length")
            .or(() -> facts.variable("validate_password_length")).map(Integer::parseInt).orElse(8);
      }
    }
    String fix = facts.mariadb()
        ? "INSTALL SONAME 'simple_password_check';\nSET GLOBAL simple_password_check_minimal_length = 12;\n"
            + "SET GLOBAL strict_password_validation = ON;  -- and the same in my.cnf"
        : "INSTALL COMPONENT 'file://component_validate_password';\nSET PERSIST validate_password.length = 12;\n"
            + "SET PERSIST validate_password.policy = 'MEDIUM';";
    if (evidence.isEmpty()) {
      return Verdict.fail(List.of("no password validation " + (facts.mariadb() ? "plugin" : "component or plugin")
          + " is active: any password is accepted, however short"), fix);
    }
    evidence.add("minimum length " + minimum);
    if (minimum < 12) {
      return Verdict.fail(evidence, "Require at least 12 characters (PCI DSS 8.3.6):\n" + fix);
    }
    return Verdict.pass(evidence);
  }

  private static Verdict lifetime(ServerFacts facts, AuditSettings settings) {
    var value = facts.variable("default_password_lifetime");
    if (value.isEmpty()) {
      return Verdict.unknown("the server has no default_password_lifetime variable");
    }
    int days = Integer.parseInt(value.get());
    String set = (facts.mariadb() ? "SET GLOBAL" : "SET PERSIST") + " default_password_lifetime = 90;"
        + (facts.mariadb() ? "  -- and default_password_lifetime = 90 under [mysqld] in my.cnf" : "");
    if (days == 0) {
      return Verdict.fail(List.of("default_password_lifetime = 0: passwords never expire"), set);
    }
    if (days > settings.maxPasswordLifetimeDays()) {
      return Verdict.fail(List.of("default_password_lifetime = " + days + " days (more than "
          + settings.maxPasswordLifetimeDays() + ")"), set);
    }
    return Verdict.pass("default_password_lifetime = " + days + " days" + (days > 90
        ? " (PCI DSS 8.3.9 asks for 90 where passwords are the only factor)" : ""));
  }

  private static Verdict lockout(ServerFacts facts, AuditSettings settings) {
    if (facts.mariadb()) {
      var value = facts.variable("max_password_errors");
      if (value.isEmpty()) {
        return Verdict.fail(List.of("this MariaDB has no max_password_errors (10.4.2 and later do)"),
            "Upgrade to MariaDB 10.4.2 or later and set max_password_errors = 10.");
      }
      long errors = Long.parseLong(value.get());
      if (errors > 10) {
        return Verdict.fail(List.of("max_password_errors = " + errors + ": wrong passwords are never locked out"),
            "SET GLOBAL max_password_errors = 10;  -- and max_password_errors = 10 under [mysqld] in my.cnf");
      }
      return Verdict.pass("max_password_errors = " + errors);
    }
    if (facts.pluginActive("connection_control")) {
      return Verdict.pass("plugin connection_control is active (delays after failed log-ins)");
    }
    return Verdict.fail(List.of("neither the connection_control plugin nor a server-wide lock-out is active"),
        "Per account (MySQL 8.0.19+): ALTER USER '<user>'@'<host>' FAILED_LOGIN_ATTEMPTS 5 PASSWORD_LOCK_TIME 1;"
            + " (aegis create-user does this), or INSTALL PLUGIN connection_control SONAME"
            + " 'connection_control.so';");
  }
}
