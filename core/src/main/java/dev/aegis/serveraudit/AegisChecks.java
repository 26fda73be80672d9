package dev.aegis.serveraudit;

import static dev.aegis.serveraudit.Controls.*;

import dev.aegis.serveraudit.AegisPosture.ColumnSample;
import dev.aegis.serveraudit.AegisPosture.KeysetAge;
import dev.aegis.serveraudit.AuditCheck.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Whether the application's own Aegis set-up does what its configuration promises. */
final class AegisChecks {
  static final String AREA = "aegis";
  private static final String NO_CONFIG = "no Aegis configuration given (--config)";

  private AegisChecks() {}

  static List<AuditCheck> all(Supplier<Instant> clock) {
    return List.of(
        new AuditCheck(new CheckDefinition("AEGIS-01", "Encrypted columns hold only ciphertext (sampled)", AREA,
            Severity.CRITICAL, List.of(CIS_AT_REST, OWASP_CRYPTO, PCI_PAN_UNREADABLE, GDPR_ENCRYPTION,
                GDPR_BY_DESIGN, HIPAA_AT_REST, SOX_DATA_PROTECTION, ISO_CRYPTOGRAPHY, ISO_LEAKAGE)),
            AegisChecks::ciphertext),
        new AuditCheck(new CheckDefinition("AEGIS-02", "Keys rotated within keys.rotation-days", AREA,
            Severity.MEDIUM, List.of(OWASP_CRYPTO, PCI_CRYPTOPERIOD, HIPAA_AT_REST, ISO_CRYPTOGRAPHY)),
            (facts, settings) -> keyAge(facts, clock.get())),
        new AuditCheck(new CheckDefinition("AEGIS-03", "Threat detection enforcing", AREA, Severity.MEDIUM,
            List.of(OWASP_INJECTION, OWASP_LOGGING, PCI_ATTACK_DETECTION, GDPR_CONFIDENTIALITY, ISO_MONITORING)),
            AegisChecks::detection),
        new AuditCheck(new CheckDefinition("AEGIS-04", "Security events retained in the database", AREA,
            Severity.MEDIUM, List.of(OWASP_LOGGING, PCI_AUDIT_LOGS, PCI_LOG_RETENTION, HIPAA_AUDIT, GDPR_BREACH,
                SOX_LOGGING, ISO_LOGGING)), (facts, settings) -> events(facts, settings, clock.get())));
  }

  private static Verdict ciphertext(ServerFacts facts, AuditSettings settings) {
    AegisPosture aegis = facts.aegis();
    if (aegis == null) {
      return Verdict.notApplicable(NO_CONFIG);
    }
    if (aegis.columns().isEmpty()) {
      return Verdict.notApplicable("the configuration encrypts no column");
    }
    List<String> evidence = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    boolean failed = false;
    for (ColumnSample column : aegis.columns()) {
      if (column.problem() != null) {
        evidence.add(column.column() + ": not sampled (" + column.problem() + ")");
        failed = true;
        continue;
      }
      String line = column.column() + ": " + column.sampled() + " value(s) sampled, " + column.ciphertext()
          + " ciphertext";
      if (column.plaintext() > 0) {
        line += ", " + column.plaintext() + " PLAINTEXT";
        fixes.add("aegis encrypt-column --config <aegis.yaml> --url <url> --column " + column.column());
        failed = true;
      }
      if (column.undecryptable() > 0) {
        line += ", " + column.undecryptable() + " that the configured keys do not open";
        fixes.add("Find out where the values of " + column.column() + " the keys do not open came from (another"
            + " key set, a restore, tampering): aegis keys status --count shows them per key id");
        failed = true;
      }
      evidence.add(line);
    }
    return failed ? Verdict.fail(evidence, String.join("\n", fixes)) : Verdict.pass(evidence);
  }

  private static Verdict keyAge(ServerFacts facts, Instant now) {
    AegisPosture aegis = facts.aegis();
    if (aegis == null) {
      return Verdict.notApplicable(NO_CONFIG);
    }
    if (aegis.keysProblem() != null) {
      return Verdict.unknown("the keysets could not be read: " + aegis.keysProblem());
    }
    if (aegis.keysets().isEmpty()) {
      return Verdict.notApplicable("no keysets");
    }
    if (aegis.rotationDays() <= 0) {
      return Verdict.fail(List.of("keys.rotation-days is not set: nothing says when keys are due"),
          "Set keys.rotation-days (365 is common; PCI DSS 3.7.4 asks for a defined cryptoperiod) and rotate with"
              + " aegis keys rotate (docs/keys.md)");
    }
    List<String> evidence = new ArrayList<>();
    List<String> due = new ArrayList<>();
    for (KeysetAge keyset : aegis.keysets()) {
      if (keyset.primaryCreated() == null) {
        evidence.add(keyset.keyset() + ": primary key's date not recorded");
        due.add(keyset.keyset());
        continue;
      }
      long age = Duration.between(keyset.primaryCreated(), now).toDays();
      evidence.add(keyset.keyset() + ": primary key " + age + " day(s) old (rotation every " + aegis.rotationDays()
          + ")");
      if (age >= aegis.rotationDays()) {
        due.add(keyset.keyset());
      }
    }
    if (due.isEmpty()) {
      return Verdict.pass(evidence);
    }
    return Verdict.fail(evidence, "Rotate " + String.join(", ", due) + ": aegis keys rotate --keyset NAME --stage"
        + " add, then promote, reencrypt and retire (docs/keys.md)");
  }

  private static Verdict detection(ServerFacts facts, AuditSettings settings) {
    AegisPosture aegis = facts.aegis();
    if (aegis == null) {
      return Verdict.notApplicable(NO_CONFIG);
    }
    String mode = aegis.detectionMode();
    if (mode.equalsIgnoreCase("enforce")) {
      return Verdict.pass("detection.mode = enforce");
    }
    return Verdict.fail(List.of("detection.mode = " + mode + ": attacks are " + (mode.equalsIgnoreCase("off")
        ? "not looked for" : "recorded but not blocked")), "Once the allowlist is learned and monitor mode has"
        + " run clean, set detection.mode: enforce (docs/detection.md)");
  }

  private static Verdict events(ServerFacts facts, AuditSettings settings, Instant now) {
    AegisPosture aegis = facts.aegis();
    if (aegis == null) {
      return Verdict.notApplicable(NO_CONFIG);
    }
    if (!aegis.eventsTable()) {
      return Verdict.fail(List.of("events.table = false: security events go only to the application's log"),
          "events: { table: true, retention-days: " + settings.minEventRetentionDays() + " } (docs/events.md),"
              + " or ship the log to a store kept for a year");
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("events.table = true, retention-days = " + aegis.retentionDays());
    if (aegis.oldestEvent() != null) {
      evidence.add("oldest event in aegis_events: " + Duration.between(aegis.oldestEvent(), now).toDays()
          + " day(s) ago");
    }
    if (aegis.retentionDays() < settings.minEventRetentionDays()) {
      return Verdict.fail(evidence, "events.retention-days: " + settings.minEventRetentionDays()
          + " (PCI DSS 10.5.1 keeps audit history for 12 months)");
    }
    return Verdict.pass(evidence);
  }
}
