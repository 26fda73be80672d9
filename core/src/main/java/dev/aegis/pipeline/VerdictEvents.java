package dev.aegis.pipeline;

import dev.aegis.config.DetectionMode;
import dev.aegis.context.AegisContext;
import dev.aegis.detect.Signature;
import dev.aegis.detect.Verdict;
import dev.aegis.events.SecurityEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns a detection verdict into security events: one per signature that fired, each with the verdict's
 * score and action, the caller and the statement's digest. Nothing of the statement's text but its digest
 * goes in, so no literal value can reach a sink.
 */
final class VerdictEvents {
  private VerdictEvents() {}

  /** What Aegis did: {@code alert}, {@code block} in enforce mode, {@code would-block} in the others. */
  static String action(Verdict verdict, DetectionMode mode) {
    if (verdict.action() == Verdict.Action.BLOCK) {
      return mode == DetectionMode.ENFORCE ? "block" : "would-block";
    }
    return verdict.action().name().toLowerCase(Locale.ROOT);
  }

  /** Publishes the events of a verdict other than ALLOW; called on the statement's thread (for the caller). */
  static void publish(java.util.function.Consumer<SecurityEvent> events, Session session, SqlEntry entry, String digest, Verdict verdict,
      DetectionMode mode) {
    String action = action(verdict, mode);
    AegisContext.Caller caller = session.caller();
    Instant now = Instant.now();
    String detail = detail(entry, mode, verdict);
    for (Signature finding : verdict.findings()) {
      // One family for every signature, as the other detectors use theirs (allowlist, behaviour, …); the
      // signature's own category goes in the detail.
      events.accept(new SecurityEvent(now, finding.id(), "injection",
          finding.severity().name().toLowerCase(Locale.ROOT), verdict.score(), action, caller.principal(),
          caller.address(), digest, finding.category().label() + "; " + detail));
    }
  }

  /** The JDBC call, the mode and every rule of the verdict, so the events of one statement can be tied up. */
  private static String detail(SqlEntry entry, DetectionMode mode, Verdict verdict) {
    return entry.tag() + " in " + mode.name().toLowerCase(Locale.ROOT) + " mode; verdict rules: "
        + verdict.findings().stream().map(Signature::id).collect(Collectors.joining(", "));
  }
}
