package dev.aegis.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aegis.config.BehaviourConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts the rows each principal reads, as the application reads them, and says when that looks like mass
 * data access: more than its learned per-minute baseline times {@code baseline-factor}, more than
 * {@code max-rows-per-minute} whatever the baseline, or — for a principal with no baseline — more than
 * {@code min-rows-per-minute}. An attacker who pages through a table one row per request passes every
 * statement check; the volume gives them away. Bounded memory (Caffeine), no lock on the hot path.
 */
public final class DataAccessMonitor {
  /** Ten 6-second buckets: a sliding minute, precise to 10%. */
  private static final int BUCKETS = 10;
  private static final long BUCKET_NANOS = Duration.ofSeconds(6).toNanos();

  private final BehaviourConfig config;
  private final boolean learning;
  private final LongSupplier nanos;
  private final Cache<String, Window> windows;
  private final Map<String, Long> baselines;
  private final ProfileStore profiles;

  /**
   * @param learning whether volumes raise baselines (detection mode learn) rather than being judged
   * @param profiles where baselines persist between restarts; null keeps them in memory only
   */
  public DataAccessMonitor(BehaviourConfig config, boolean learning, LongSupplier nanos, ProfileStore profiles) {
    this.config = config;
    this.learning = learning;
    this.nanos = nanos;
    this.windows = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10))
        .ticker(nanos::getAsLong).build();
    this.profiles = profiles;
    this.baselines = new ConcurrentHashMap<>(profiles == null ? Map.of() : profiles.load());
  }

  /** The per-minute volume above which {@code principal} is reported. */
  public long threshold(String principal) {
    Long baseline = baselines.get(key(principal));
    long cap = config.maxRowsPerMinute();
    if (baseline == null) {
      return Math.min(cap, config.minRowsPerMinute());
    }
    long scaled = (long) Math.ceil(baseline * config.baselineFactor());
    return Math.min(cap, Math.max(config.minRowsPerMinute(), scaled));
  }

  /**
   * Adds {@code rows} read by {@code principal} now.
   *
   * @return the principal's volume over the last minute when this call took it over its threshold (once
   *     per minute), else -1
   */
  public long read(String principal, long rows) {
    String key = key(principal);
    long now = nanos.getAsLong();
    Window window = windows.get(key, k -> new Window());
    long total = window.add(now, rows);
    if (learning) {
      Long old = baselines.get(key);
      if (old == null || total > old) {
        baselines.put(key, total);
        // Baselines only grow while learning, so a write per 10% of growth keeps writes rare.
        if (profiles != null && (old == null || total >= old * 11 / 10)) {
          profiles.save(Map.copyOf(baselines));
        }
      }
      return -1;
    }
    return total > threshold(principal) && window.firstReportThisMinute(now) ? total : -1;
  }

  /** Whether one result's row count makes it mass data access on its own. */
  public boolean tooManyForOneStatement(long rows) {
    return rows == config.maxRowsPerStatement() + 1L;
  }

  private static String key(String principal) {
    return principal == null ? "" : principal;
  }

  /** A sliding minute of counts in time buckets; racing updates may lose a bucket reset, never a lock. */
  private static final class Window {
    private final AtomicLong[] counts = new AtomicLong[BUCKETS];
    private final long[] epochs = new long[BUCKETS];
    private static final long NEVER = Long.MIN_VALUE;
    private volatile long reportedEpoch = NEVER;

    Window() {
      for (int i = 0; i < BUCKETS; i++) {
        counts[i] = new AtomicLong();
        epochs[i] = NEVER;
      }
    }

    long add(long now, long rows) {
      long epoch = Math.floorDiv(now, BUCKET_NANOS);
      int slot = (int) Math.floorMod(epoch, (long) BUCKETS);
      if (epochs[slot] != epoch) {
        epochs[slot] = epoch;
        counts[slot].set(0);
      }
      counts[slot].addAndGet(rows);
      long total = 0;
      for (int i = 0; i < BUCKETS; i++) {
        if (epochs[i] != NEVER && epoch - epochs[i] < BUCKETS) {
          total += counts[i].get();
        }
      }
      return total;
    }

    boolean firstReportThisMinute(long now) {
      long epoch = Math.floorDiv(now, BUCKET_NANOS);
      if (reportedEpoch != NEVER && epoch - reportedEpoch < BUCKETS) {
        return false;
      }
      reportedEpoch = epoch;
      return true;
    }
  }
}
