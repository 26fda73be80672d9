package dev.aegis.serveraudit;

import java.util.List;
import java.util.function.BiFunction;

/** One check of the catalogue: what it is, and the rule that judges a server's facts. */
public record AuditCheck(CheckDefinition definition, BiFunction<ServerFacts, AuditSettings, Verdict> rule) {

  public Finding evaluate(ServerFacts facts, AuditSettings settings) {
    Verdict verdict;
    try {
      verdict = rule.apply(facts, settings);
    } catch (RuntimeException e) {
      // One check that trips over an unexpected server answer must not cost the whole report.
      verdict = Verdict.unknown("the check could not evaluate this server's answer: " + e);
    }
    return new Finding(definition, verdict.outcome(), verdict.evidence(), verdict.remediation());
  }

  /** A rule's conclusion: outcome, what was seen, and how to fix it. */
  public record Verdict(Outcome outcome, List<String> evidence, String remediation) {
    public Verdict {
      evidence = List.copyOf(evidence);
    }

    public static Verdict pass(String... evidence) {
      return new Verdict(Outcome.PASS, List.of(evidence), "");
    }

    public static Verdict pass(List<String> evidence) {
      return new Verdict(Outcome.PASS, evidence, "");
    }

    public static Verdict fail(List<String> evidence, String remediation) {
      return new Verdict(Outcome.FAIL, evidence, remediation);
    }

    public static Verdict notApplicable(String why) {
      return new Verdict(Outcome.NOT_APPLICABLE, List.of(why), "");
    }

    public static Verdict unknown(String why) {
      return new Verdict(Outcome.UNKNOWN, List.of(why), "");
    }
  }
}
