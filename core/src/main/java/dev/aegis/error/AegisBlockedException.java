package dev.aegis.error;

import java.sql.SQLNonTransientException;
import java.util.List;

/**
 * Detection blocked a statement before it reached the server. The message names the rules that fired and
 * the statement's digest (its shape, with every literal replaced by {@code ?}), never its values.
 */
public final class AegisBlockedException extends SQLNonTransientException {
  private static final long serialVersionUID = 1L;

  private final double score;
  private final List<String> rules;
  private final String digest;

  public AegisBlockedException(String message, double score, List<String> rules, String digest) {
    super(message, AegisSqlState.STATEMENT_BLOCKED.code());
    this.score = score;
    this.rules = List.copyOf(rules);
    this.digest = digest;
  }

  /** The verdict's score, from 0 to 1. */
  public double score() {
    return score;
  }

  /** The ids of the signatures that fired, strongest first (see docs/detection.md). */
  public List<String> rules() {
    return rules;
  }

  /** The statement's digest: its shape without literal values. */
  public String digest() {
    return digest;
  }
}
