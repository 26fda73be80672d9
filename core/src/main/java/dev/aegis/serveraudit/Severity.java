package dev.aegis.serveraudit;

import java.util.Locale;

/**
 * How much a failed check matters, and so how much it weighs in the score. The weights make one critical
 * finding cost as much as two high ones or more than three medium ones: a server with an account that has no
 * password cannot score well whatever else is right.
 */
public enum Severity {
  CRITICAL(10),
  HIGH(5),
  MEDIUM(3),
  LOW(1);

  private final int weight;

  Severity(int weight) {
    this.weight = weight;
  }

  public int weight() {
    return weight;
  }

  /** {@code critical}, {@code high}, …: the form reports and JSON use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
