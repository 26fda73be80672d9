package dev.aegis.behaviour;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A count over the last minute in ten 6-second buckets (precise to 10%), and a flag so a principal is
 * reported once per minute. Racing updates may lose a bucket reset, never take a lock.
 */
final class SlidingMinute {
  private static final int BUCKETS = 10;
  private static final long BUCKET_NANOS = Duration.ofSeconds(6).toNanos();
  private static final long NEVER = Long.MIN_VALUE;

  private final AtomicLong[] counts = new AtomicLong[BUCKETS];
  private final long[] epochs = new long[BUCKETS];
  private volatile long reportedEpoch = NEVER;

  SlidingMinute() {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = new AtomicLong();
      epochs[i] = NEVER;
    }
  }

  /** Adds {@code n} at {@code now} (nanoseconds) and returns the total over the minute ending now. */
  long add(long now, long n) {
    long epoch = Math.floorDiv(now, BUCKET_NANOS);
    int slot = (int) Math.floorMod(epoch, (long) BUCKETS);
    if (epochs[slot] != epoch) {
      epochs[slot] = epoch;
      counts[slot].set(0);
    }
    counts[slot].addAndGet(n);
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (epochs[i] != NEVER && epoch - epochs[i] < BUCKETS) {
        total += counts[i].get();
      }
    }
    return total;
  }

  /** True the first time it is asked within a minute. */
  boolean firstReportThisMinute(long now) {
    long epoch = Math.floorDiv(now, BUCKET_NANOS);
    if (reportedEpoch != NEVER && epoch - reportedEpoch < BUCKETS) {
      return false;
    }
    reportedEpoch = epoch;
    return true;
  }
}
