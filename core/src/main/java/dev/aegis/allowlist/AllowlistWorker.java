package dev.aegis.allowlist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one allowlist and the background work on it. The statement path only reads the snapshot,
 * sets a slot's mark and, in learn mode, adds to the bounded map of pending sightings; writing, touching
 * and reloading run on the background thread ({@link #cycle}) or in a test's hook, one at a time.
 *
 * <p>Kept apart from {@link Allowlist} so that the scheduled task can hold it strongly while the allowlist
 * itself stays collectable: when a pipeline is dropped (its configuration file changed), the cleaner
 * flushes what it learnt and cancels the task.
 */
final class AllowlistWorker {
  private static final Logger LOG = LoggerFactory.getLogger(Allowlist.class);

  /** A first sighting waiting to be written: when and by whom. */
  record Sighting(Instant time, String caller) {}

  private final AllowlistStore store;
  private final Clock clock;
  private final int capacity;
  private final int batch;
  private final ConcurrentHashMap<String, Sighting> pending = new ConcurrentHashMap<>();
  private final AtomicInteger pendingCount = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private volatile Snapshot snapshot;
  /** The current refresh interval, for slot marks. */
  private volatile int epoch;
  private volatile ScheduledFuture<?> schedule;
  private volatile boolean flushRequested;
  private boolean failing;

  AllowlistWorker(AllowlistStore store, Snapshot initial, Clock clock, int capacity) {
    this.store = store;
    this.snapshot = initial;
    this.clock = clock;
    this.capacity = capacity;
    // Written early, before the interval ends, once a fair share of the bound is waiting: a burst of new
    // shapes should reach the store before the bound drops any.
    this.batch = Math.max(1, capacity / 4);
  }

  void scheduled(ScheduledFuture<?> schedule) {
    this.schedule = schedule;
  }

  boolean contains(String digest) {
    Snapshot.Slot slot = snapshot.get(digest);
    if (slot == null) {
      return false;
    }
    int now = epoch;
    if (slot.mark != now) {
      slot.mark = now;
    }
    return true;
  }

  /**
   * Queues a first sighting unless the shape is known or already queued.
   *
   * @return true when the write should not wait for the end of the interval
   */
  boolean learn(String digest, String caller) {
    if (contains(digest) || pending.containsKey(digest)) {
      return false;
    }
    if (pendingCount.get() >= capacity) {
      if (dropped.getAndIncrement() == 0) {
        LOG.warn("Aegis allowlist: more than {} new statement shapes wait to be written to the {}; further"
            + " ones in this interval are not recorded (they will be at their next use)", capacity,
            store.describe());
      }
      return false;
    }
    if (pending.putIfAbsent(digest, new Sighting(clock.instant(), caller)) == null
        && pendingCount.incrementAndGet() >= batch && !flushRequested) {
      flushRequested = true;
      return true;
    }
    return false;
  }

  int size() {
    return snapshot.size();
  }

  String describe() {
    return store.describe();
  }

  /** What the background thread does once per refresh interval: write, then read back everyone's shapes. */
  void cycle() {
    try {
      flush();
      refresh();
    } catch (RuntimeException | Error e) {
      // A scheduled task that throws is never run again: this one must keep running whatever happens.
      LOG.error("Aegis allowlist: the background refresh failed ({}); it runs again next interval",
          e.getClass().getName());
    }
  }

  /** Writes the queued sightings and the last-seen times of the shapes used since the last flush. */
  synchronized void flush() {
    flushRequested = false;
    if (!pending.isEmpty()) {
      Map<String, Sighting> waiting = new LinkedHashMap<>(pending);
      List<AllowlistEntry> entries = new ArrayList<>(waiting.size());
      waiting.forEach((digest, seen) -> entries.add(AllowlistEntry.seen(digest, seen.time(), seen.caller())));
      try {
        store.add(entries);
      } catch (Exception e) {
        // Kept queued: the next interval tries again, and the bound keeps a dead store from growing it.
        failed("cannot record " + entries.size() + " new statement shape(s) in", e);
        return;
      }
      // The snapshot first, then the queue: a statement of one of these shapes always finds it in one.
      snapshot = snapshot.with(entries);
      waiting.keySet().forEach(digest -> {
        pending.remove(digest);
        pendingCount.decrementAndGet();
      });
      int lost = dropped.getAndSet(0);
      LOG.info("Aegis allowlist: {} new statement shape(s) recorded in the {}{}", entries.size(),
          store.describe(), lost > 0 ? " (" + lost + " sighting(s) over the bound were not)" : "");
    }
    if (store.tracksLastSeen()) {
      int closing = epoch;
      epoch = closing + 1;
      List<String> used = snapshot.marked(closing);
      try {
        store.touch(used, clock.instant());
      } catch (Exception e) {
        failed("cannot record when " + used.size() + " shape(s) last ran in", e);
        return;
      }
    }
    recovered();
  }

  /** Reads the store again, picking up shapes other instances learnt and dropping pruned ones. */
  synchronized void refresh() {
    try {
      snapshot = Snapshot.of(store.load(), snapshot);
    } catch (Exception e) {
      failed("cannot reload; the shapes loaded before stay in force. Reading", e);
      return;
    }
    recovered();
  }

  /** The pipeline is gone: stop refreshing, and write what it learnt. */
  void stop() {
    ScheduledFuture<?> task = schedule;
    if (task != null) {
      task.cancel(false);
    }
    Allowlist.background().execute(this::flush);
  }

  /** Logged once per run of failures, so a database down for an hour does not flood the log. */
  private void failed(String what, Exception e) {
    if (!failing) {
      failing = true;
      // The exception's message may quote the server, never the URL (stores take care); no statement text.
      LOG.warn("Aegis allowlist: {} the {}: {}", what, store.describe(), e.toString());
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("Aegis allowlist: the {} answers again", store.describe());
    }
  }
}
