package dev.aegis.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whether the primary key of one keyset is due for rotation: a key is due {@code rotation-days} after it
 * was added, and warned about from {@value #WARNING_DAYS} days before. Dates are UTC; days are counted as
 * begun, so a key due in three hours is "due in 1 day" and one due an hour ago is "overdue by 1 day".
 *
 * @param keyset the keyset's name
 * @param keyId the primary key's Tink id
 * @param created when the primary key was added, or null when the store does not know
 * @param due when it is due, or null when {@code created} is
 * @param state what to tell the operator
 * @param days for {@link State#DUE_SOON} the days left, for {@link State#OVERDUE} the days past due (both
 *     at least 1), else 0
 * @param ageDays whole days since the key was added, or -1 when unknown
 * @param rotationDays the {@code keys.rotation-days} it was judged by
 */
public record RotationDue(String keyset, int keyId, Instant created, Instant due, State state, long days,
    long ageDays, int rotationDays) {

  /** How long before the due date the warning starts. */
  public static final int WARNING_DAYS = 7;

  /** The answer for one keyset. */
  public enum State {
    /** More than {@value #WARNING_DAYS} days left. */
    FRESH,
    /** Due within {@value #WARNING_DAYS} days. */
    DUE_SOON,
    /** Past its due date. */
    OVERDUE,
    /** The key has no recorded date (stored before Aegis kept dates). */
    AGE_UNKNOWN
  }

  /** Judges the primary key of {@code keyset} at {@code now}. */
  public static RotationDue of(String name, Keyset keyset, int rotationDays, Instant now) {
    int primary = keyset.handle().getPrimary().getId();
    Instant created = keyset.createdOf(primary);
    if (created == null) {
      return new RotationDue(name, primary, null, null, State.AGE_UNKNOWN, 0, -1, rotationDays);
    }
    Instant due = created.plus(Duration.ofDays(rotationDays));
    // A date ahead of this clock (another instance's clock runs ahead) is a key added just now.
    long age = Math.max(0, Duration.between(created, now).toDays());
    if (now.isBefore(due)) {
      long left = daysBegun(Duration.between(now, due));
      State state = left <= WARNING_DAYS ? State.DUE_SOON : State.FRESH;
      return new RotationDue(name, primary, created, due, state, state == State.FRESH ? 0 : left, age,
          rotationDays);
    }
    return new RotationDue(name, primary, created, due, State.OVERDUE,
        Math.max(1, daysBegun(Duration.between(due, now))), age, rotationDays);
  }

  /** Whether the operator should hear about this key. */
  public boolean warns() {
    return state != State.FRESH;
  }

  /**
   * What the warning says, without key material: the keyset, the key id, its age, the due date and what to
   * do. Null for a fresh key.
   */
  public String describe() {
    String rotate = "rotate it with 'aegis keys rotate --stage add', then '--stage promote' once every"
        + " instance has loaded the new key";
    return switch (state) {
      case FRESH -> null;
      case DUE_SOON -> "key rotation due in " + days + plural(days) + ": keyset '" + keyset + "', primary key "
          + Integer.toUnsignedString(keyId) + ", is " + ageDays + plural(ageDays) + " old (added " + day(created)
          + ") and due on "
          + day(due) + " (keys.rotation-days " + rotationDays + "); " + rotate;
      case OVERDUE -> "key rotation overdue by " + days + plural(days) + ": keyset '" + keyset + "', primary key "
          + Integer.toUnsignedString(keyId) + ", is " + ageDays + plural(ageDays) + " old (added " + day(created)
          + ") and was due on "
          + day(due) + " (keys.rotation-days " + rotationDays + "); " + rotate;
      case AGE_UNKNOWN -> "key age unknown: keyset '" + keyset + "', primary key " + Integer.toUnsignedString(keyId)
          + ", has no recorded"
          + " date (it was stored before Aegis kept key dates), so whether its rotation is due cannot be told."
          + " New keys are dated: " + rotate;
    };
  }

  private static long daysBegun(Duration duration) {
    long days = duration.toDays();
    return duration.equals(Duration.ofDays(days)) ? days : days + 1;
  }

  private static String plural(long days) {
    return days == 1 ? " day" : " days";
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
