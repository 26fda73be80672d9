package dev.aegis.serveraudit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.serveraudit.tls.TlsObservation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardeningPlannerTest {
  private final HardeningPlanner planner = new HardeningPlanner(AuditSettings.DEFAULTS);

  /** A fresh MariaDB with an application account holding everything from anywhere and no TLS. */
  private static Facts weak() {
    Facts facts = new Facts().account(new Account("", "localhost", "mysql_native_password", false, false, ""))
        .account(new Account("app", "%", "mysql_native_password", true, false, ""))
        .account(new Account("root", "%", "mysql_native_password", true, false, ""))
        .account(new Account("nopass", "10.0.0.9", "mysql_native_password", false, false, ""))
        .grantAll("'app'@'%'", false);
    facts.schemas.add("test");
    facts.schemaGrants.add(new ServerFacts.SchemaGrant("'PUBLIC'@''", "test\\_%", "SELECT"));
    facts.variables.put("local_infile", "ON");
    facts.variables.put("require_secure_transport", "OFF");
    facts.variables.put("max_password_errors", "4294967295");
    facts.tls = new TlsObservation(false, null, null, List.of(), Map.of(), null);
    return facts;
  }

  private static List<String> sql(List<HardeningStep> steps) {
    return steps.stream().flatMap(s -> s.sql().stream()).toList();
  }

  @Test
  void basicRemovesWhatNoApplicationNeedsAndNothingElse() {
    List<HardeningStep> steps = planner.plan(weak().build(), HardeningLevel.BASIC);
    assertThat(sql(steps)).containsExactly("DROP USER ''@'localhost'", "DROP DATABASE `test`",
        "REVOKE ALL PRIVILEGES ON `test\\_%`.* FROM PUBLIC", "SET GLOBAL local_infile = OFF");
    assertThat(steps).allMatch(s -> s.level() == HardeningLevel.BASIC);
  }

  @Test
  void standardRescopesTheApplicationAccountToItsSchemasAndLocksRemoteRootAndPasswordlessAccounts() {
    List<String> sql = sql(planner.plan(weak().build(), HardeningLevel.STANDARD));
    assertThat(sql).contains("REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'app'@'%'",
        "GRANT " + HardeningPlanner.SCHEMA_PRIVILEGES + " ON `shop`.* TO 'app'@'%'",
        "ALTER USER 'root'@'%' ACCOUNT LOCK", "ALTER USER 'nopass'@'10.0.0.9' ACCOUNT LOCK");
    assertThat(sql).noneMatch(s -> s.contains("`mysql`") || s.contains("`test`.* TO"));
    // No TLS: requiring it would lock everybody out, so it is left as a manual step.
    assertThat(sql).noneMatch(s -> s.contains("require_secure_transport"));
    assertThat(planner.plan(weak().build(), HardeningLevel.STANDARD))
        .anyMatch(s -> s.manual() && s.checkId().equals("NET-02"));
  }

  @Test
  void theAccountRunningThePlanIsNeverTouchedUnderAnyHostEntry() {
    Facts facts = weak();
    facts.accounts.add(new Account("app", "localhost", "mysql_native_password", false, false, ""));
    facts.currentUser = "app@%";
    List<String> sql = sql(planner.plan(facts.build(), HardeningLevel.STRICT));
    assertThat(sql).noneMatch(s -> s.contains("'app'@"));
  }

  @Test
  void requiringTlsNeedsAWorkingHandshakeAndAnEncryptedSession() {
    Facts facts = weak();
    facts.tls = Facts.tls(Facts.certificate("RSA", 3072, "SHA256withRSA", Facts.NOW.plusSeconds(86_400L * 300)));
    assertThat(sql(planner.plan(facts.build(), HardeningLevel.STRICT))).contains("SET GLOBAL"
        + " require_secure_transport = ON", "ALTER USER 'app'@'%' REQUIRE SSL");
  }

  @Test
  void strictAddsLockoutValidationAndTheAuditPluginOnMariadb() {
    List<String> sql = sql(planner.plan(weak().build(), HardeningLevel.STRICT));
    assertThat(sql).contains("SET GLOBAL max_password_errors = 10");
    Facts noPlugins = weak();
    noPlugins.plugins.clear();
    assertThat(sql(planner.plan(noPlugins.build(), HardeningLevel.STRICT))).contains(
        "INSTALL SONAME 'simple_password_check'", "INSTALL SONAME 'server_audit'");
  }

  @Test
  void aHardenedServerNeedsNothing() {
    assertThat(planner.plan(new Facts().build(), HardeningLevel.STRICT)).isEmpty();
  }

  @Test
  void mysqlSettingsArePersisted() {
    Facts facts = weak();
    facts.version = "8.0.36";
    assertThat(sql(planner.plan(facts.build(), HardeningLevel.BASIC))).contains("SET PERSIST local_infile = OFF");
  }
}
