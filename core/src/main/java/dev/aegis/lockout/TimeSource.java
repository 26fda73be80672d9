package dev.aegis.lockout;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Instant;

/**
 * Where lockouts take their time from: a monotonic ticker that measures windows and lockouts (it does not
 * jump when the wall clock is set), and the wall clock that says when a lockout ends in messages and events.
 * {@link #system()} everywhere but in tests, which move both forward by hand instead of sleeping.
 */
public interface TimeSource extends Ticker {
  /** The wall-clock time now. */
  Instant now();

  /** {@link System#nanoTime()} and the system clock. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }
}
