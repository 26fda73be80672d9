package dev.aegis.analysis;

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
 */
final class ParseDeadline {
  /** Far above a real statement's parse (40–450 µs; a large reporting query a few ms). */
  static final long BUDGET_MILLIS = 250;

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "aegis-parse-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private ParseDeadline() {}

  static ScheduledFuture<?> arm(CCJSqlParser parser) {
    return WATCHDOG.schedule(() -> {
      parser.interrupted = true;
    }, BUDGET_MILLIS, TimeUnit.MILLISECONDS);
  }
}
