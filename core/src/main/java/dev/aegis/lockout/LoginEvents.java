package dev.aegis.lockout;

import dev.aegis.config.DurationSetting;
import dev.aegis.events.SecurityEvent;
import java.time.Duration;
import java.time.Instant;

/** The security events of failed logins and lockouts. They name the user and the address, never a password. */
final class LoginEvents {
  static final String CATEGORY = "authentication";
  static final String FAILED = "login-failed";
  static final String LOCKOUT = "login-lockout";

  private LoginEvents() {}

  /** {@code login-failed}: the server refused a login; the score is how close it came to a lockout. */
  static SecurityEvent failed(Instant time, String user, String address, Tallies.Change byAddress,
      Tallies.Change byUser, long now, Rules rules) {
    double score = progress(byAddress, now, rules);
    String detail = "the server refused the credentials; " + describe(byAddress, now, rules,
        "failed logins from this address");
    if (byUser == null) {
      detail += "; no database user named";
    } else {
      score = Math.max(score, progress(byUser, now, rules));
      detail += "; " + describe(byUser, now, rules, "addresses with failed logins as this user");
    }
    return new SecurityEvent(time, FAILED, CATEGORY, "info", score, "allow", user, address, null, detail);
  }

  /** {@code login-lockout}: a lockout started; further logins of that address or user are refused. */
  static SecurityEvent lockout(Instant time, Kind kind, String user, String address, Tally tally, long now,
      Rules rules) {
    Duration length = Duration.ofNanos(tally.lockedUntil() - now);
    String what = kind == Kind.ADDRESS
        ? "address locked out after " + rules.maxFailures() + " failed logins"
        : "database user locked out after failed logins from " + rules.maxFailures() + " addresses";
    String detail = what + " within " + DurationSetting.format(Duration.ofNanos(rules.window())) + ", for "
        + DurationSetting.format(length) + " until " + time.plus(length) + " (lockout " + tally.lockouts()
        + (tally.lockouts() > 1 ? ", a repeat offence" : "") + ")";
    return new SecurityEvent(time, LOCKOUT, CATEGORY, "high", 1.0, "lockout", user, address, null, detail);
  }

  private static double progress(Tallies.Change change, long now, Rules rules) {
    return change.after().lockedAt(now) ? 1.0 : (double) change.after().recent(now, rules) / rules.maxFailures();
  }

  private static String describe(Tallies.Change change, long now, Rules rules, String counted) {
    if (change.lockoutStarted()) {
      return "locked out now";
    }
    if (change.after().lockedAt(now)) {
      return "already locked out (the attempt started before the lockout)";
    }
    return change.after().recent(now, rules) + " of " + rules.maxFailures() + " " + counted + " within "
        + DurationSetting.format(Duration.ofNanos(rules.window()));
  }
}
