package dev.aegis.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * A time budget for one parse. The parse still runs in the calling thread; one shared daemon thread only
 * raises JSqlParser's own {@code interrupted} flag when the budget is spent, which the generated parser
 * checks in its loops. Arming costs a schedule and a cancel, paid once per statement shape (on a cache
 * miss), never per statement.
 *
 * <p>The budget is the parsing thread's CPU time, not the clock's: on a machine short of cores a parse can
 * wait far longer than it runs, and a verdict of "unanalysable" is cached with the shape, so a load spike
 * must not turn an ordinary statement into one. The clock still bounds the wait, at {@link #MAX_WAIT_MILLIS}.
 */
final class ParseDeadline {
  /** Far above a real statement's parse (40–450 µs; a large reporting query a few ms). */
  static final long BUDGET_MILLIS = 250;
  /** However starved the parsing thread, a parse ends within this. */
  static final long MAX_WAIT_MILLIS = 20 * BUDGET_MILLIS;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = cpuTimeSupported();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "aegis-parse-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private final CCJSqlParser parser;
  private final long thread;
  private final long cpuStart;
  private final long clockStart;
  private volatile ScheduledFuture<?> alarm;
  private volatile boolean disarmed;

  private ParseDeadline(CCJSqlParser parser) {
    this.parser = parser;
    this.thread = Thread.currentThread().getId();
    this.cpuStart = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
    this.clockStart = System.nanoTime();
  }

  /** Starts the budget of a parse about to run in the calling thread. */
  static ParseDeadline arm(CCJSqlParser parser) {
    ParseDeadline deadline = new ParseDeadline(parser);
    deadline.alarm = WATCHDOG.schedule(deadline::check, BUDGET_MILLIS, TimeUnit.MILLISECONDS);
    return deadline;
  }

  /** The parse ended: no interruption from now on. */
  void disarm() {
    disarmed = true;
    alarm.cancel(false);
  }

  private void check() {
    if (disarmed) {
      return;
    }
    long budget = TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS);
    long cpu = cpuStart < 0 ? -1 : THREADS.getThreadCpuTime(thread) - cpuStart;
    boolean starved = cpu >= 0 && cpu < budget
        && System.nanoTime() - clockStart < TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
    if (!starved) {
      parser.interrupted = true;
      return;
    }
    alarm = WATCHDOG.schedule(this::check, budget - cpu, TimeUnit.NANOSECONDS);
    if (disarmed) {
      alarm.cancel(false);
    }
  }

  private static boolean cpuTimeSupported() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
