package dev.aegis.lockout;

import java.util.ArrayList;
import java.util.List;

/**
 * What is remembered about one address or one database user: its failed logins inside the window and its
 * lockouts. Immutable: a change is a new tally made inside the cache's per-key compute, so concurrent
 * failures are never lost and no lock outlives that one key.
 *
 * @param failures failed logins still inside the window, oldest first; for a user at most one per address
 * @param lockouts how many times it has been locked out (a repeat offence lasts longer); 0 when never
 * @param lockedUntil ticker time at which the last lockout ends; meaningless while {@code lockouts} is 0
 */
record Tally(Failure[] failures, int lockouts, long lockedUntil) {
  private static final Failure[] NONE = {};
  static final Tally EMPTY = new Tally(NONE, 0, 0);

  /**
   * One failed login.
   *
   * @param source for a user, the address it came from (repeats from one address count once); null for an
   *     address, where every failure counts
   * @param at ticker time
   */
  record Failure(String source, long at) {}

  boolean lockedAt(long now) {
    return lockouts > 0 && lockedUntil - now > 0;
  }

  /** The failures still inside the window at {@code now}. */
  int recent(long now, Rules rules) {
    int count = 0;
    for (Failure failure : failures) {
      if (now - failure.at() < rules.window()) {
        count++;
      }
    }
    return count;
  }

  /**
   * This tally after a failed login from {@code source} at {@code now}: one more failure, or a new lockout
   * when that makes {@link Rules#maxFailures()} inside the window.
   */
  Tally fail(String source, long now, Rules rules) {
    if (lockedAt(now)) {
      // An attempt that was already on its way when the lockout started: the lockout has it covered, and
      // counting it towards the next one would punish the same burst twice.
      return this;
    }
    List<Failure> kept = new ArrayList<>(failures.length + 1);
    for (Failure failure : failures) {
      boolean inWindow = now - failure.at() < rules.window();
      if (inWindow && (source == null || !source.equals(failure.source()))) {
        kept.add(failure);
      }
    }
    kept.add(new Failure(source, now));
    if (kept.size() < rules.maxFailures()) {
      return new Tally(kept.toArray(NONE), lockouts, lockedUntil);
    }
    // Repeat offences are remembered for a while after the last lockout ended, then forgiven.
    int previous = lockouts > 0 && now - lockedUntil < rules.history() ? lockouts : 0;
    int count = previous + 1;
    return new Tally(NONE, count, now + rules.lockoutNanos(count));
  }

  /**
   * This tally after a successful login from {@code source}: an address forgets all its failures; a user
   * forgets those from that address only, so an application that logs in regularly cannot wipe out
   * failures that other addresses keep adding. An active lockout stays. Null when nothing is left to keep.
   */
  Tally succeed(String source, long now, Rules rules) {
    List<Failure> kept = new ArrayList<>(failures.length);
    if (source != null) {
      for (Failure failure : failures) {
        if (now - failure.at() < rules.window() && !source.equals(failure.source())) {
          kept.add(failure);
        }
      }
    }
    Tally after = new Tally(kept.toArray(NONE), lockouts, lockedUntil);
    return after.nanosToKeep(now, rules) > 0 ? after : null;
  }

  /** Whether a success from {@code source} would change anything: lets the common case stay a plain read. */
  boolean hasFailuresFrom(String source) {
    if (source == null) {
      return failures.length > 0;
    }
    for (Failure failure : failures) {
      if (source.equals(failure.source())) {
        return true;
      }
    }
    return false;
  }

  /**
   * How long from {@code now} this tally still matters: while a failure is inside the window, or while
   * a lockout lasts and then for the time repeat offences are remembered. 0 when it can be forgotten.
   */
  long nanosToKeep(long now, Rules rules) {
    long keep = 0;
    for (Failure failure : failures) {
      keep = Math.max(keep, failure.at() + rules.window() - now);
    }
    if (lockouts > 0) {
      keep = Math.max(keep, lockedUntil + rules.history() - now);
    }
    return Math.max(keep, 0);
  }
}
