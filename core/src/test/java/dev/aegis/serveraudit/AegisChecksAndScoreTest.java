package dev.aegis.serveraudit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.serveraudit.AegisPosture.ColumnSample;
import dev.aegis.serveraudit.AegisPosture.KeysetAge;
import java.util.List;
import org.junit.jupiter.api.Test;

class AegisChecksAndScoreTest {

  private static AegisPosture posture(List<ColumnSample> columns, List<KeysetAge> keysets, String mode,
      boolean table, int retention) {
    return new AegisPosture(columns, keysets, null, 90, mode, table, retention, null);
  }

  @Test
  void withoutAnAegisConfigurationTheAegisChecksDoNotApply() {
    for (String id : new String[] {"AEGIS-01", "AEGIS-02", "AEGIS-03", "AEGIS-04"}) {
      assertThat(new Facts().check(id).outcome()).as(id).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  @Test
  void plaintextOrUndecryptableValuesInAnEncryptedColumnFail() {
    Facts facts = new Facts();
    facts.aegis = posture(List.of(new ColumnSample("customers.email", 200, 200, 0, null),
        new ColumnSample("customers.phone", 200, 150, 0, null)), List.of(), "enforce", true, 365);
    Finding finding = facts.check("AEGIS-01");
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.evidence()).contains("customers.phone: 200 value(s) sampled, 150 ciphertext, 50 PLAINTEXT");
    assertThat(finding.remediation()).contains("encrypt-column").contains("--column customers.phone");
    facts.aegis = posture(List.of(new ColumnSample("customers.email", 10, 10, 2, null)), List.of(), "enforce", true,
        365);
    assertThat(facts.check("AEGIS-01").evidence().get(0)).contains("2 that the configured keys do not open");
    facts.aegis = posture(List.of(new ColumnSample("customers.email", 10, 10, 0, null)), List.of(), "enforce", true,
        365);
    assertThat(facts.check("AEGIS-01").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void keysOlderThanTheRotationPeriodFail() {
    Facts facts = new Facts();
    facts.aegis = posture(List.of(), List.of(new KeysetAge("pii", Facts.NOW.minusSeconds(86_400L * 100)),
        new KeysetAge("pci", Facts.NOW.minusSeconds(86_400L * 10))), "enforce", true, 365);
    Finding finding = facts.check("AEGIS-02");
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.remediation()).startsWith("Rotate pii:");
    assertThat(finding.evidence()).contains("pci: primary key 10 day(s) old (rotation every 90)");
  }

  @Test
  void detectionBelowEnforceAndShortEventRetentionFail() {
    Facts facts = new Facts();
    facts.aegis = posture(List.of(), List.of(), "monitor", true, 30);
    assertThat(facts.check("AEGIS-03").outcome()).isEqualTo(Outcome.FAIL);
    assertThat(facts.check("AEGIS-04").outcome()).isEqualTo(Outcome.FAIL);
    facts.aegis = posture(List.of(), List.of(), "enforce", false, 365);
    assertThat(facts.check("AEGIS-03").outcome()).isEqualTo(Outcome.PASS);
    assertThat(facts.check("AEGIS-04").evidence().get(0)).contains("events.table = false");
  }

  @Test
  void theScoreWeighsBySeverityAndLeavesOutWhatWasNotScored() {
    CheckDefinition critical = new CheckDefinition("X-1", "c", "x", Severity.CRITICAL, List.of());
    CheckDefinition low = new CheckDefinition("X-2", "l", "x", Severity.LOW, List.of());
    CheckDefinition high = new CheckDefinition("X-3", "h", "x", Severity.HIGH, List.of());
    Score score = Score.of(List.of(new Finding(critical, Outcome.FAIL, List.of(), ""),
        new Finding(low, Outcome.PASS, List.of(), ""), new Finding(high, Outcome.UNKNOWN, List.of(), "")));
    assertThat(score.value()).isEqualTo(100 * 1 / 11);
    assertThat(score.notScored()).isEqualTo(1);
    assertThat(Score.of(List.of(new Finding(high, Outcome.NOT_APPLICABLE, List.of(), ""))).display()).isEqualTo("n/a");
    // 99.x is not 100: a gate at 100 means nothing failed.
    List<Finding> nearly = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      nearly.add(new Finding(critical, Outcome.PASS, List.of(), ""));
    }
    nearly.add(new Finding(low, Outcome.FAIL, List.of(), ""));
    assertThat(Score.of(nearly).value()).isEqualTo(99);
  }

  @Test
  void eachFrameworkIsScoredOverItsOwnChecksAndTheHardenedServerScoresFull() {
    Facts facts = new Facts();
    List<Finding> findings = facts.all();
    AuditReport report = AuditReport.of(Facts.NOW, facts.build(), "test", null, findings, List.of());
    assertThat(report.overall().value()).isEqualTo(100);
    for (Framework framework : Framework.values()) {
      assertThat(report.frameworks().get(framework).passed()).as(framework.id()).isPositive();
    }
    facts.variables.put("local_infile", "ON");
    AuditReport weaker = AuditReport.of(Facts.NOW, facts.build(), "test", Framework.HIPAA, facts.all(), List.of());
    // local_infile maps to CIS, PCI, GDPR, ISO but not HIPAA: the HIPAA report neither lists nor counts it.
    assertThat(weaker.findings()).noneMatch(f -> f.check().id().equals("CFG-02"));
    assertThat(weaker.overall().value()).isEqualTo(100);
    AuditReport pci = AuditReport.of(Facts.NOW, facts.build(), "test", Framework.PCI_DSS, facts.all(), List.of());
    assertThat(pci.overall().value()).isLessThan(100);
  }

  @Test
  void everyCheckHasAUniqueIdAndMapsToAtLeastThreeFrameworks() {
    List<AuditCheck> checks = CheckCatalogue.all();
    assertThat(checks).extracting(c -> c.definition().id()).doesNotHaveDuplicates();
    for (AuditCheck check : checks) {
      long frameworks = check.definition().controls().stream().map(Control::framework).distinct().count();
      assertThat(frameworks).as(check.definition().id()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aCheckThatThrowsBecomesUnknownInsteadOfEndingTheAudit() {
    AuditCheck broken = new AuditCheck(new CheckDefinition("X-9", "broken", "x", Severity.LOW, List.of()),
        (facts, settings) -> {
          throw new NumberFormatException("For input string: \"abc\"");
        });
    Finding finding = broken.evaluate(new Facts().build(), AuditSettings.DEFAULTS);
    assertThat(finding.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(finding.evidence().get(0)).contains("NumberFormatException");
  }
}
