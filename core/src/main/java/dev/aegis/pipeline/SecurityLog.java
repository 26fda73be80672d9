package dev.aegis.pipeline;

import dev.aegis.detect.Signature;
import dev.aegis.detect.Verdict;
import dev.aegis.error.AegisBlockedException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection's own failures as log lines on the {@code dev.aegis.security} logger, and the exception a
 * block throws. Verdicts themselves are security events ({@link VerdictEvents}). Neither carries a literal
 * value of the statement: only its digest (its shape), so a log is safe to ship anywhere.
 */
final class SecurityLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.aegis.security");
  private static final Logger EVENTS = LoggerFactory.getLogger("aegis.security");
  private static final int DIGEST_IN_MESSAGE = 300;

  private SecurityLog() {}

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
