package dev.aegis.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aegis.config.BehaviourConfig;
import java.util.function.LongSupplier;

/**
 * Counts the rows each principal reads, as the application reads them, and says when that looks like mass
 * data access: more than its learned per-minute baseline times {@code baseline-factor}, more than
 * {@code max-rows-per-minute} whatever the baseline, or — for a principal with no baseline — more than
 * {@code min-rows-per-minute}. An attacker who pages through a table one row per request passes every
 * statement check; the volume gives them away. Bounded memory (Caffeine), no lock on the hot path.
 */
public final class DataAccessMonitor {
  private final BehaviourConfig config;
  private final boolean learning;
  private final LongSupplier nanos;
  private final Cache<String, SlidingMinute> windows;
  private final Profiles profiles;
  private final boolean profiled;

  /**
   * @param learning whether volumes raise baselines (detection mode learn) rather than being judged
   * @param profiles the learned profiles, persisted or not
   * @param profiled whether baselines are learned at all; without them only the absolute caps apply, so an
   *     application that never learned is not reported for every principal that reads a little
   */
  DataAccessMonitor(BehaviourConfig config, boolean learning, LongSupplier nanos, Profiles profiles,
      boolean profiled) {
    this.profiled = profiled;
    this.config = config;
    this.learning = learning;
    this.nanos = nanos;
    // Bounded by size, not by idle time: expiry would read the clock on every result, and a window idle for a
    // minute counts nothing anyway. The least recently used principals leave first.
    this.windows = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run).build();
    this.profiles = profiles;
  }

  /** The per-minute volume above which {@code principal} is reported. */
  public long threshold(String principal) {
    Profile profile = profiles.of(principal);
    long cap = config.maxRowsPerMinute();
    if (profile == null || profile.rowsPerMinute() == 0) {
      return profiled ? Math.min(cap, config.minRowsPerMinute()) : cap;
    }
    long scaled = (long) Math.ceil(profile.rowsPerMinute() * config.baselineFactor());
    return Math.min(cap, Math.max(config.minRowsPerMinute(), scaled));
  }

  /**
   * Adds {@code rows} read by {@code principal} now.
   *
   * @return the principal's volume over the last minute when this call took it over its threshold (once
   *     per minute), else -1
   */
  public long read(String principal, long rows) {
    long now = nanos.getAsLong();
    SlidingMinute window = windows.get(Profiles.key(principal), k -> new SlidingMinute());
    long total = window.add(now, rows);
    if (learning) {
      profiles.learn(principal, p -> p.withRows(total));
      return -1;
    }
    return total > threshold(principal) && window.firstReportThisMinute(now) ? total : -1;
  }

  /** Whether one result's row count makes it mass data access on its own (true once, as it passes the cap). */
  public boolean tooManyForOneStatement(long rows) {
    return rows == config.maxRowsPerStatement() + 1L;
  }
}
