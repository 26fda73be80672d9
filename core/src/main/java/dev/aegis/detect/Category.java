package dev.aegis.detect;

import java.util.Locale;

/** What kind of attack a signature points at. */
public enum Category {
  TAUTOLOGY,
  UNION,
  STACKED,
  COMMENT_TRUNCATION,
  TIME_BLIND,
  ERROR_BASED,
  BOOLEAN_BLIND,
  SYSTEM_PROBE,
  FILE_ACCESS,
  PRIVILEGE,
  OBFUSCATION,
  /** Not an attack by itself: the statement could not be fully analysed. */
  ANALYSIS;

  /** The name used in JSON, documentation and metrics: {@code comment-truncation}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
