package dev.aegis.lockout;

import java.time.Instant;

/** The real time; a class rather than a lambda so that it has a readable name in a debugger. */
final class SystemTime implements TimeSource {
  static final SystemTime INSTANCE = new SystemTime();

  private SystemTime() {}

  @Override
  public long read() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
