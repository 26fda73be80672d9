package dev.aegis.pipeline;

import dev.aegis.config.DetectionMode;
import dev.aegis.detect.Signature;
import dev.aegis.detect.Verdict;
import dev.aegis.error.AegisBlockedException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as log lines on the {@code dev.aegis.security} logger: the verdict, the rules and the
 * statement's digest (its shape: literal values never appear), so a log is safe to ship anywhere.
 */
final class SecurityLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.aegis.security");
  private static final Logger EVENTS = LoggerFactory.getLogger("aegis.security");
  private static final int DIGEST_IN_MESSAGE = 300;

  private SecurityLog() {}

  static void verdict(SqlEntry entry, String digest, Verdict verdict, DetectionMode mode) {
    if (!LOG.isWarnEnabled()) {
      return;
    }
    String action = verdict.action() == Verdict.Action.BLOCK && mode != DetectionMode.ENFORCE
        ? "would-block" : verdict.action().name().toLowerCase(Locale.ROOT);
    LOG.warn("aegis verdict={} mode={} score={} rules={} entry={} digest={}", action,
        mode.name().toLowerCase(Locale.ROOT), verdict.score(), ids(verdict.findings()), entry.tag(), digest);
  }

  /** One finding as one line on {@code aegis.security}: rule, who, and the statement's shape, no values. */
  static void event(dev.aegis.events.SecurityEvent event) {
    if (EVENTS.isWarnEnabled()) {
      EVENTS.warn("aegis event rule={} category={} severity={} score={} action={} principal={} address={}"
          + " digest={} detail={}", event.rule(), event.category(), event.severity(), event.score(),
          event.action(), event.principal(), event.address(), event.digest(), event.detail());
    }
  }

  /** The statement's text is not logged: without a digest it could hold literal values. */
  static void failure(SqlEntry entry, Throwable e) {
    LOG.error("aegis detection failed; the statement was let through. entry={} error={}", entry.tag(),
        e.getClass().getName());
  }

  static AegisBlockedException blocked(String digest, Verdict verdict) {
    List<String> rules = ids(verdict.findings());
    String shape = digest.length() <= DIGEST_IN_MESSAGE ? digest : digest.substring(0, DIGEST_IN_MESSAGE) + "…";
    return new AegisBlockedException("Aegis blocked this statement before it reached the server: it looks"
        + " like SQL injection (score " + verdict.score() + ", rules " + String.join(", ", rules)
        + "; see docs/detection.md). Statement shape: " + shape + ". If the application really sends this,"
        + " run with detection.mode: monitor while the rule is reviewed.", verdict.score(), rules, digest);
  }

  private static List<String> ids(List<Signature> findings) {
    return findings.stream().map(Signature::id).toList();
  }
}
