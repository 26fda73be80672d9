package dev.aegis.serveraudit;

import java.util.Locale;

/** What one check concluded. Only {@link #PASS} and {@link #FAIL} count in the score. */
public enum Outcome {
  PASS,
  FAIL,
  /** The check does not apply here (binary log encryption when there is no binary log; no Aegis config). */
  NOT_APPLICABLE,
  /** The check could not look (the auditing account may not read {@code mysql.user}, say); the evidence says why. */
  UNKNOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean scored() {
    return this == PASS || this == FAIL;
  }
}
