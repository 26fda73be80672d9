package dev.aegis.lockout;

import java.time.Duration;

/**
 * The limits for one kind of tally, in ticker nanoseconds.
 *
 * @param maxFailures failures inside the window that start a lockout
 * @param window how far back failures count
 * @param first the first lockout
 * @param cap the longest lockout
 * @param history how long after a lockout ends a new one still counts as a repeat
 */
record Rules(int maxFailures, long window, long first, long cap, long history) {
  /** Repeat offences are forgiven after a day without a lockout, long enough to span a slow attack. */
  static final Duration HISTORY = Duration.ofHours(24);

  Rules(int maxFailures, Duration window, Duration first, Duration cap) {
    this(maxFailures, window.toNanos(), first.toNanos(), cap.toNanos(), HISTORY.toNanos());
  }

  /** The length of lockout number {@code count} (from 1): the first, doubled for each repeat, up to the cap. */
  long lockoutNanos(int count) {
    long length = first;
    for (int i = 1; i < count && length < cap; i++) {
      length = length > cap / 2 ? cap : length * 2;
    }
    return Math.min(length, cap);
  }
}
