package dev.aegis.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * When a keyset's rotation is due: its primary key's date plus {@code rotation-days}. Only the primary
 * matters, since it is what new values are written under; older keys wait for re-encryption and retirement.
 *
 * @param state {@code ok}, {@code soon} (due within {@value #SOON_DAYS} days), {@code due} (the date has
 *     passed), or {@code unknown} (the primary key's date was not recorded)
 * @param dueAt when rotation is due; null when unknown
 * @param dueInDays whole days until {@code dueAt}; once it has passed, minus the whole days since (0 on the
 *     day it passed); 0 when unknown
 */
record RotationDue(String state, Instant dueAt, long dueInDays) {
  /** Days ahead that a due rotation is flagged: the warning comes a week before. */
  static final int SOON_DAYS = 7;

  static RotationDue of(Instant primaryCreated, int rotationDays, Instant now) {
    if (primaryCreated == null) {
      return new RotationDue("unknown", null, 0);
    }
    Instant dueAt = primaryCreated.plus(Duration.ofDays(rotationDays));
    if (!now.isBefore(dueAt)) {
      return new RotationDue("due", dueAt, -Duration.between(dueAt, now).toDays());
    }
    // Whole days left, rounded down: 6 days 23 hours left is "6 days", within the warning's 7.
    long days = Duration.between(now, dueAt).toDays();
    return new RotationDue(days < SOON_DAYS ? "soon" : "ok", dueAt, days);
  }

  /** For people: "due in 80 days (2025-04-01)", "DUE SOON: in 3 days …", "OVERDUE by 4 days …". */
  String describe(int rotationDays) {
    String every = "rotation every " + rotationDays + " days: ";
    return switch (state) {
      case "unknown" -> every + "due date unknown (the primary key's date was not recorded: it was added"
          + " before Aegis kept dates; rotate to start counting)";
      case "due" -> every + "OVERDUE " + (dueInDays == 0 ? "since less than a day" : "by " + -dueInDays
          + " day(s)") + " (due " + day() + ")";
      case "soon" -> every + "DUE SOON, in " + dueInDays + " day(s) (" + day() + ")";
      default -> every + "due in " + dueInDays + " days (" + day() + ")";
    };
  }

  private String day() {
    return dueAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
