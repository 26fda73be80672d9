package dev.aegis.allowlist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aegis.background.Background;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The learned statement shapes one pipeline checks against, like MySQL Enterprise Firewall's digest
 * allowlist: {@link #contains} on the statement path is a look-up in an immutable snapshot (no lock, no
 * allocation); {@link #learn} only queues a new shape in a bounded map. Aegis's one background daemon
 * thread ({@link Background}, shared by everything in the process) writes what was learnt and reloads the
 * store every refresh interval, so instances sharing a table see each other's shapes within that interval.
 */
public final class Allowlist {
  private static final ScheduledExecutorService BACKGROUND = Background.executor();

  private final AllowlistWorker worker;
  private final Cache<String, Boolean> reported;
  private final Executor earlyFlush;

  private Allowlist(AllowlistWorker worker, int capacity, Executor earlyFlush) {
    this.worker = worker;
    this.reported = Caffeine.newBuilder().maximumSize(capacity).build();
    this.earlyFlush = earlyFlush;
  }

  /**
   * Loads {@code store} and starts refreshing it every {@code refresh}.
   *
   * @param capacity how many new shapes may wait to be written, and how many unknown shapes are
   *     remembered as reported
   * @throws SQLException when the store cannot be read: the first connect fails and the next one tries again
   */
  public static Allowlist start(AllowlistStore store, Duration refresh, int capacity, Clock clock)
      throws SQLException {
    return start(store, refresh, capacity, clock, BACKGROUND);
  }

  /** As above; a queue filling up asks {@code earlyFlush} to write it before the interval ends (tests: never). */
  static Allowlist start(AllowlistStore store, Duration refresh, int capacity, Clock clock, Executor earlyFlush)
      throws SQLException {
    AllowlistWorker worker = new AllowlistWorker(store, Snapshot.of(store.load(), Snapshot.EMPTY), clock,
        capacity);
    Allowlist allowlist = new Allowlist(worker, capacity, earlyFlush);
    long millis = refresh.toMillis();
    // The task holds the worker, never the allowlist, so the cleaner can run once the pipeline is dropped.
    worker.scheduled(BACKGROUND.scheduleWithFixedDelay(worker::cycle, millis, millis, TimeUnit.MILLISECONDS));
    Background.cleaner().register(allowlist, worker::stop);
    return allowlist;
  }

  /** Whether the shape is allowed; also notes that it ran, for its last-seen time. */
  public boolean contains(String digest) {
    return worker.contains(digest);
  }

  /**
   * Records a shape that ran for the first time (learn mode); a known or already queued shape is ignored.
   * The write happens on the background thread.
   *
   * @param caller {@link AllowlistEntry#caller}, or null
   */
  public void learn(String digest, String caller) {
    if (worker.learn(digest, caller)) {
      earlyFlush.execute(worker::flush);
    }
  }

  /**
   * Whether an unknown shape is reported for the first time in this process. Bounded: of more than
   * {@code capacity} distinct unknown shapes, the least recent may be reported again.
   */
  public boolean firstReport(String digest) {
    return reported.asMap().putIfAbsent(Fingerprint.of(digest), Boolean.TRUE) == null;
  }

  /** How many shapes are allowed now. */
  public int size() {
    return worker.size();
  }

  /** The store, for messages. */
  public String describe() {
    return worker.describe();
  }

  /** Test hook: writes what is queued now, as the end of a refresh interval would. */
  void flush() {
    worker.flush();
  }

  /** Test hook: reloads the store now, as the end of a refresh interval would. */
  void refresh() {
    worker.refresh();
  }

  static ScheduledExecutorService background() {
    return BACKGROUND;
  }
}
