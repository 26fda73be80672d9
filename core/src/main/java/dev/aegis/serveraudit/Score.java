package dev.aegis.serveraudit;

import java.util.List;

/**
 * A weighted score: the share of severity weight of the scored checks that passed, 0 to 100. Checks that do not
 * apply or could not look are left out rather than counted as passed, so an audit run without privileges
 * cannot score well by seeing nothing; {@link #notScored} says how many were left out.
 *
 * @param value 0–100, or -1 when no check was scored
 */
public record Score(int value, int passed, int failed, int notScored) {

  public static Score of(List<Finding> findings) {
    int weightPassed = 0;
    int weightTotal = 0;
    int passed = 0;
    int failed = 0;
    int notScored = 0;
    for (Finding finding : findings) {
      int weight = finding.check().severity().weight();
      switch (finding.outcome()) {
        case PASS -> {
          passed++;
          weightPassed += weight;
          weightTotal += weight;
        }
        case FAIL -> {
          failed++;
          weightTotal += weight;
        }
        default -> notScored++;
      }
    }
    // Rounded down: 99.6 is not 100, and a gate at 100 must mean that nothing failed.
    int value = weightTotal == 0 ? -1 : weightPassed * 100 / weightTotal;
    return new Score(value, passed, failed, notScored);
  }

  public boolean scored() {
    return value >= 0;
  }

  /** "73/100", or "n/a" when nothing was scored. */
  public String display() {
    return scored() ? value + "/100" : "n/a";
  }
}
