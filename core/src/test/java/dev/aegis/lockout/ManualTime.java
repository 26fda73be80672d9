package dev.aegis.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when a test says so: lockout tests advance it past a window or a lockout instead of
 * sleeping. The ticker starts far from zero, as {@link System#nanoTime()} may, so arithmetic that assumes
 * zero is caught.
 */
public final class ManualTime implements TimeSource {
  public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
  private static final long ORIGIN = 7_777_000_000_000_000L;
  private final AtomicLong elapsed = new AtomicLong();

  @Override
  public long read() {
    return ORIGIN + elapsed.get();
  }

  @Override
  public Instant now() {
    return START.plusNanos(elapsed.get());
  }

  /** Moves both the ticker and the wall clock forward. */
  public ManualTime advance(Duration duration) {
    elapsed.addAndGet(duration.toNanos());
    return this;
  }
}
