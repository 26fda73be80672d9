package dev.aegis.detect;

import java.util.List;

/**
 * The judgement on one statement: what enforce mode does with it, the combined score and the signatures
 * that fired. Carries no literal value of the statement, so it can be logged as it is.
 *
 * @param action ALLOW, ALERT or BLOCK, as enforce mode would act
 * @param score combined score in [0, 1]
 * @param findings the signatures that fired, strongest first
 * @param analysable whether the statement was parsed and analysed, or judged on tokens alone
 */
public record Verdict(Action action, double score, List<Signature> findings, boolean analysable) {
  /** Score from which a verdict is at least an alert. */
  public static final double ALERT_THRESHOLD = 0.5;

  public Verdict {
    findings = List.copyOf(findings);
  }

  /** What enforce mode does. */
  public enum Action {
    ALLOW,
    ALERT,
    BLOCK
  }

  private static final Verdict CLEAN_ANALYSED = new Verdict(Action.ALLOW, 0.0, List.of(), true);
  private static final Verdict CLEAN_TOKENS_ONLY = new Verdict(Action.ALLOW, 0.0, List.of(), false);

  /** Combines findings as independent evidence: 1 − Π(1 − score). */
  public static Verdict of(List<Signature> findings, boolean analysable, double blockThreshold) {
    if (findings.isEmpty()) {
      return analysable ? CLEAN_ANALYSED : CLEAN_TOKENS_ONLY;
    }
    double keep = 1.0;
    for (Signature finding : findings) {
      keep *= 1.0 - finding.score();
    }
    double score = Math.round((1.0 - keep) * 1000) / 1000.0;
    Action action = score >= blockThreshold ? Action.BLOCK
        : score >= ALERT_THRESHOLD ? Action.ALERT : Action.ALLOW;
    Signature[] sorted = findings.toArray(new Signature[0]);
    java.util.Arrays.sort(sorted, (a, b) -> Double.compare(b.score(), a.score()));
    return new Verdict(action, score, List.of(sorted), analysable);
  }
}
