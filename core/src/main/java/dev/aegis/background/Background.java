package dev.aegis.background;

import java.lang.ref.Cleaner;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * Aegis's one background thread, shared by everything that refreshes shared state from the database (the
 * allowlist, the blocks of automatic response): one daemon thread per process whatever the number of
 * configurations, so a fleet's worth of pipelines never becomes a fleet's worth of threads. Internal to
 * Aegis; applications have no reason to use it.
 */
public final class Background {
  private static final ScheduledThreadPoolExecutor EXECUTOR = executor(daemon("aegis-background"));
  private static final Cleaner CLEANER = Cleaner.create(daemon("aegis-cleaner"));

  private Background() {}

  /** Runs refreshes and writes, one at a time; a task that blocks delays the others, never a statement. */
  public static ScheduledExecutorService executor() {
    return EXECUTOR;
  }

  /** Stops the work of a pipeline that was dropped (its configuration file changed). */
  public static Cleaner cleaner() {
    return CLEANER;
  }

  private static ScheduledThreadPoolExecutor executor(ThreadFactory threads) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
    // Cancelled refreshes of dropped pipelines leave the queue at once instead of when they were due.
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Aegis's threads never keep an application's JVM alive. */
  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
