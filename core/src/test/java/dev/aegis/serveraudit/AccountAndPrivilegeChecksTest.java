package dev.aegis.serveraudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountAndPrivilegeChecksTest {

  @Test
  void aHardenedServerFailsNoAccountOrPrivilegeCheck() {
    Facts facts = new Facts();
    for (String id : new String[] {"ACCT-01", "ACCT-02", "ACCT-03", "ACCT-04", "ACCT-05", "ACCT-06", "ACCT-07",
        "PRIV-01", "PRIV-02", "PRIV-03", "PRIV-04"}) {
      assertThat(facts.check(id).outcome()).as(id).isEqualTo(Outcome.PASS);
    }
  }

  @Test
  void anonymousAccountsAreNamedAndDropped() {
    Finding finding = new Facts().account(new Account("", "localhost", "mysql_native_password", false, false, ""))
        .check("ACCT-01");
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.evidence()).anyMatch(e -> e.contains("''@'localhost'"));
    assertThat(finding.remediation()).isEqualTo("DROP USER ''@'localhost';");
  }

  @Test
  void anonymousAccountsDoNotAlsoCountAsAccountsWithoutPassword() {
    Facts facts = new Facts().account(new Account("", "%", "", false, false, ""));
    assertThat(facts.check("ACCT-03").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void rootFromAnyHostFailsUnlessLocked() {
    Facts facts = new Facts().account(new Account("root", "%", "mysql_native_password", true, false, ""));
    assertThat(facts.check("ACCT-02").evidence()).anyMatch(e -> e.contains("'root'@'%'"));
    Facts locked = new Facts().account(new Account("root", "%", "mysql_native_password", true, true, ""));
    assertThat(locked.check("ACCT-02").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void namedAdministratorsCountAsAdministratorsForRemoteAccess() {
    Facts facts = new Facts().account(new Account("dba", "%", "mysql_native_password", true, false, ""));
    assertThat(facts.check("ACCT-02").outcome()).isEqualTo(Outcome.PASS);
    assertThat(facts.check("ACCT-02", AuditSettings.DEFAULTS.withAdmins(Set.of("dba"))).outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void passwordlessAccountsFailButSocketAuthenticationAndLockedAccountsDoNot() {
    assertThat(new Facts().account(new Account("report", "localhost", "mysql_native_password", false, false, ""))
        .check("ACCT-03").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(new Facts().account(new Account("root", "localhost", "unix_socket", false, false, ""))
        .check("ACCT-03").outcome()).isEqualTo(Outcome.PASS);
    assertThat(new Facts().account(new Account("old", "localhost", "mysql_native_password", false, true, ""))
        .check("ACCT-03").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void nativePasswordIsDeprecatedOnRecentMysqlOnly() {
    Facts mysql = new Facts();
    mysql.version = "8.0.36";
    assertThat(mysql.check("ACCT-04").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(mysql.check("ACCT-04").remediation()).contains("caching_sha2_password");
    Facts older = new Facts();
    older.version = "8.0.33";
    assertThat(older.check("ACCT-04").outcome()).isEqualTo(Outcome.PASS);
    assertThat(new Facts().check("ACCT-04").outcome()).isEqualTo(Outcome.PASS);
    assertThat(new Facts().account(new Account("legacy", "localhost", "mysql_old_password", true, false, ""))
        .check("ACCT-04").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void passwordValidationMustBeActiveAndDemandTwelveCharacters() {
    Facts none = new Facts();
    none.plugins.remove("simple_password_check");
    assertThat(none.check("ACCT-05").outcome()).isEqualTo(Outcome.FAIL);
    Facts shortMinimum = new Facts();
    shortMinimum.variables.put("simple_password_check_minimal_length", "8");
    assertThat(shortMinimum.check("ACCT-05").outcome()).isEqualTo(Outcome.FAIL);
    Facts mysql = new Facts();
    mysql.version = "8.0.30";
    mysql.components.add("file://component_validate_password");
    mysql.variables.put("validate_password.length", "12");
    assertThat(mysql.check("ACCT-05").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void passwordLifetimeZeroOrOverAYearFails() {
    Facts never = new Facts();
    never.variables.put("default_password_lifetime", "0");
    assertThat(never.check("ACCT-06").outcome()).isEqualTo(Outcome.FAIL);
    never.variables.put("default_password_lifetime", "400");
    assertThat(never.check("ACCT-06").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void unlimitedPasswordErrorsFailOnMariadb() {
    Facts facts = new Facts();
    facts.variables.put("max_password_errors", "4294967295");
    assertThat(facts.check("ACCT-07").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void anApplicationAccountWithAllOnEverythingFromAnywhereFailsEveryPrivilegeCheck() {
    Facts facts = new Facts().account(new Account("app2", "%", "mysql_native_password", true, false, ""))
        .grantAll("'app2'@'%'", true);
    for (String id : new String[] {"PRIV-01", "PRIV-02", "PRIV-03", "PRIV-04"}) {
      Finding finding = facts.check(id);
      assertThat(finding.outcome()).as(id).isEqualTo(Outcome.FAIL);
      assertThat(finding.evidence()).as(id).anyMatch(e -> e.contains("'app2'@'%'"));
    }
    assertThat(facts.check("PRIV-01").evidence().get(0)).contains("ALL PRIVILEGES");
    assertThat(facts.check("PRIV-02").remediation()).contains("REVOKE").contains("FILE").contains("SUPER");
  }

  @Test
  void theAccountRunningTheAuditIsAnAdministratorButNotFromAWildcardHost() {
    Facts facts = new Facts().account(new Account("ops", "%", "mysql_native_password", true, false, ""))
        .grantAll("'ops'@'%'", true);
    facts.currentUser = "ops@%";
    AuditSettings adminNamed = AuditSettings.DEFAULTS.withAdmins(Set.of("admin@127.0.0.1"));
    assertThat(facts.check("PRIV-01", adminNamed).outcome()).isEqualTo(Outcome.PASS);
    assertThat(facts.check("PRIV-01").evidence()).noneMatch(e -> e.contains("'ops'@'%'"))
        .anyMatch(e -> e.contains("'admin'@'127.0.0.1'"));
    assertThat(facts.check("PRIV-04").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void accountsThatCannotBeReadGiveUnknownNotPass() {
    Facts facts = new Facts();
    facts.accounts = null;
    facts.unreadable.put("accounts", "cannot read mysql.user");
    for (String id : new String[] {"ACCT-01", "ACCT-03", "PRIV-01", "NET-03"}) {
      assertThat(facts.check(id).outcome()).as(id).isEqualTo(Outcome.UNKNOWN);
    }
    Facts grants = new Facts();
    grants.unreadable.put("grants", "only its own");
    assertThat(grants.check("PRIV-02").outcome()).isEqualTo(Outcome.UNKNOWN);
  }
}
