package dev.aegis.serveraudit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.serveraudit.tls.TlsObservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkConfigurationLoggingChecksTest {

  @Test
  void aHardenedServerFailsNoNetworkConfigurationOrLoggingCheck() {
    Facts facts = new Facts();
    for (String id : new String[] {"NET-01", "NET-02", "NET-03", "NET-04", "NET-05", "NET-06", "NET-07", "NET-08",
        "CFG-01", "CFG-02", "CFG-03", "CFG-04", "LOG-01", "LOG-02", "LOG-03"}) {
      assertThat(facts.check(id).outcome()).as(id).isEqualTo(Outcome.PASS);
    }
  }

  @Test
  void aServerWithoutTlsFailsTheOfferAndTheTlsDetailsDoNotApply() {
    Facts facts = new Facts();
    facts.tls = new TlsObservation(false, null, null, List.of(), Map.of(), null);
    facts.variables.put("have_ssl", "DISABLED");
    assertThat(facts.check("NET-01").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(facts.check("NET-01").evidence()).contains("have_ssl = DISABLED");
    for (String id : new String[] {"NET-04", "NET-05", "NET-06", "NET-07"}) {
      assertThat(facts.check(id).outcome()).as(id).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  @Test
  void aFailedHandshakeIsReportedWithItsReason() {
    Facts facts = new Facts();
    facts.tls = new TlsObservation(true, null, null, List.of(), Map.of(), "handshake_failure");
    assertThat(facts.check("NET-01").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(facts.check("NET-01").evidence().get(0)).contains("handshake_failure");
  }

  @Test
  void secureTransportOffFailsAndRemoteAccountsWithoutRequireSslFailOnlyThen() {
    Facts facts = new Facts().account(new Account("etl", "%", "mysql_native_password", true, false, ""));
    assertThat(facts.check("NET-03").outcome()).isEqualTo(Outcome.PASS);
    facts.variables.put("require_secure_transport", "OFF");
    assertThat(facts.check("NET-02").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(facts.check("NET-03").remediation()).isEqualTo("ALTER USER 'etl'@'%' REQUIRE SSL;");
  }

  @Test
  void oldTlsVersionsAreNamed() {
    Facts facts = new Facts();
    facts.variables.put("tls_version", "TLSv1,TLSv1.1,TLSv1.2");
    Finding finding = facts.check("NET-04");
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.evidence()).anyMatch(e -> e.contains("weak: TLSv1, TLSv1.1"));
  }

  @Test
  void weakCiphersAreNamedAndStrongOnesAreNot() {
    Facts facts = new Facts();
    facts.status.put("ssl_cipher_list", "TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA");
    Finding finding = facts.check("NET-05");
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.evidence()).anyMatch(e -> e.equals("weak: DES-CBC3-SHA, RC4-SHA"));
    assertThat(NetworkChecks.weakCipher("ECDHE-ECDSA-CHACHA20-POLY1305")).isFalse();
    assertThat(NetworkChecks.weakCipher("AECDH-AES256-SHA")).isTrue();
  }

  @Test
  void certificatesExpiredOrExpiringSoonFail() {
    Facts expired = new Facts();
    expired.tls = Facts.tls(Facts.certificate("RSA", 3072, "SHA256withRSA", Facts.NOW.minusSeconds(86_400)));
    assertThat(expired.check("NET-06").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(expired.check("NET-06").evidence()).anyMatch(e -> e.startsWith("EXPIRED"));
    Facts soon = new Facts();
    soon.tls = Facts.tls(Facts.certificate("EC", 256, "SHA256withECDSA", Facts.NOW.plusSeconds(86_400L * 10)));
    assertThat(soon.check("NET-06").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(soon.check("NET-06").evidence()).contains("expires in 10 day(s)");
    assertThat(soon.check("NET-07").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void smallKeysAndSha1SignaturesFail() {
    Instant later = Facts.NOW.plusSeconds(86_400L * 300);
    Facts small = new Facts();
    small.tls = Facts.tls(Facts.certificate("RSA", 1024, "SHA256withRSA", later));
    assertThat(small.check("NET-07").outcome()).isEqualTo(Outcome.FAIL);
    Facts sha1 = new Facts();
    sha1.tls = Facts.tls(Facts.certificate("RSA", 2048, "SHA1withRSA", later));
    assertThat(sha1.check("NET-07").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void theTestDatabaseAndGrantsOnTestPatternsAreFound() {
    Facts facts = new Facts();
    facts.schemas.add("test");
    facts.schemaGrants.add(new ServerFacts.SchemaGrant("'PUBLIC'@''", "test\\_%", "SELECT"));
    facts.schemaGrants.add(new ServerFacts.SchemaGrant("'PUBLIC'@''", "test\\_%", "INSERT"));
    facts.schemaGrants.add(new ServerFacts.SchemaGrant("'app'@'%'", "shop", "SELECT"));
    Finding finding = facts.check("CFG-01");
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.remediation()).isEqualTo("DROP DATABASE `test`;\nREVOKE ALL PRIVILEGES ON `test\\_%`.* FROM"
        + " PUBLIC;");
    assertThat(finding.evidence()).noneMatch(e -> e.contains("shop"));
  }

  @Test
  void fileSettingsAndSqlMode() {
    Facts facts = new Facts();
    facts.variables.put("local_infile", "ON");
    facts.variables.put("secure_file_priv", "");
    facts.variables.put("sql_mode", "NO_ENGINE_SUBSTITUTION");
    assertThat(facts.check("CFG-02").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(facts.check("CFG-03").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(facts.check("CFG-04").remediation()).contains("NO_ENGINE_SUBSTITUTION,STRICT_ALL_TABLES");
    facts.variables.put("secure_file_priv", "/var/lib/mysql-files/");
    assertThat(facts.check("CFG-03").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void binaryLogEncryptionDoesNotApplyWithoutABinaryLog() {
    Facts facts = new Facts();
    facts.variables.put("log_bin", "OFF");
    assertThat(facts.check("LOG-01").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(facts.check("LOG-02").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    Facts mysql = new Facts();
    mysql.version = "8.0.36";
    mysql.variables.put("binlog_encryption", "OFF");
    assertThat(mysql.check("LOG-02").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void anAuditPluginThatDoesNotLogFails() {
    Facts facts = new Facts();
    facts.variables.put("server_audit_logging", "OFF");
    assertThat(facts.check("LOG-03").outcome()).isEqualTo(Outcome.FAIL);
    facts.plugins.remove("server_audit");
    assertThat(facts.check("LOG-03").evidence().get(0)).contains("no audit log plugin");
  }
}
