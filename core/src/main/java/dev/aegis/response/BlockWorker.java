package dev.aegis.response;

import dev.aegis.background.Background;
import dev.aegis.lockout.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one block list and the background work on it. The statement path only reads the snapshot;
 * a new block replaces the snapshot at once (under a lock only block creators take) and waits in
 * {@code pending} until the background thread has written it, so a refresh that races the write never
 * drops it. Writing and reloading run on the background thread ({@link #cycle}) or in a test's hook, one
 * at a time.
 *
 * <p>Kept apart from {@link BlockList} so that the scheduled task can hold it strongly while the list
 * itself stays collectable: when a pipeline is dropped, the cleaner writes what is pending and cancels the task.
 */
final class BlockWorker {
  /**
   * Blocks kept at most. An attacker who can choose its address (a forwarded-for header taken at face value)
   * could otherwise grow the list by one entry every few requests; beyond the bound no new block starts,
   * and its statements are still judged and blocked one by one.
   */
  static final int MAX_BLOCKS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(BlockList.class);

  private record Key(BlockKind kind, String subject) {}

  /** Null for the memory store: nothing is written or read back. */
  private final BlockStore store;
  private final TimeSource time;
  private final int maxBlocks;
  private final Map<Key, Block> pending = new ConcurrentHashMap<>();
  private final Object snapshotLock = new Object();
  private final AtomicBoolean fullLogged = new AtomicBoolean();
  private volatile Blocks snapshot = Blocks.EMPTY;
  private volatile ScheduledFuture<?> schedule;
  /** Guarded by this: whether the table is known to exist, so it is created once per list, not per cycle. */
  private boolean created;
  /** Guarded by this: logged once per run of failures, so a database down for an hour does not flood the log. */
  private boolean failing;

  BlockWorker(BlockStore store, TimeSource time, int maxBlocks) {
    this.store = store;
    this.time = time;
    this.maxBlocks = maxBlocks;
  }

  void scheduled(ScheduledFuture<?> schedule) {
    this.schedule = schedule;
  }

  Blocks snapshot() {
    return snapshot;
  }

  TimeSource time() {
    return time;
  }

  /** Whether blocks are written to a store that other instances read. */
  boolean shared() {
    return store != null;
  }

  String describe() {
    return store == null ? "memory of this instance" : store.describe();
  }

  /**
   * Puts {@code block} in force at once; the store gets it on the background thread.
   *
   * @return false when a block of its subject already lasts as long, or when the bound is reached
   */
  boolean add(Block block) {
    synchronized (snapshotLock) {
      Blocks current = snapshot;
      Block existing = current.get(block.kind(), block.subject());
      if (existing != null && !block.until().isAfter(existing.until())) {
        return false;
      }
      if (existing == null && current.size() >= maxBlocks) {
        if (fullLogged.compareAndSet(false, true)) {
          LOG.warn("Aegis response: {} blocks are in force, the most kept; no further block starts until some"
              + " end (statements are still judged one by one). Check what sets AegisContext addresses.",
              maxBlocks);
        }
        return false;
      }
      if (store != null) {
        pending.merge(new Key(block.kind(), block.subject()), block,
            (old, added) -> added.until().isAfter(old.until()) ? added : old);
      }
      snapshot = current.with(block);
      return true;
    }
  }

  /** What the background thread does once per refresh interval: write, then read back everyone's blocks. */
  void cycle() {
    try {
      flush();
      refresh();
    } catch (RuntimeException | Error e) {
      // A scheduled task that throws is never run again: this one must keep running whatever happens.
      LOG.error("Aegis response: the background refresh failed ({}); it runs again next interval",
          e.getClass().getName());
    }
  }

  /** Writes the blocks started here that the store does not have yet. */
  synchronized void flush() {
    if (store == null || pending.isEmpty()) {
      return;
    }
    for (Map.Entry<Key, Block> waiting : new ArrayList<>(pending.entrySet())) {
      try {
        ensureCreated();
        store.put(waiting.getValue());
      } catch (Exception e) {
        // Kept pending, so still in force here: the next interval tries again.
        failed("cannot write a block to", e);
        return;
      }
      pending.remove(waiting.getKey(), waiting.getValue());
    }
    recovered();
  }

  /**
   * Reads the store again: picks up blocks other instances started, drops lifted ones, and deletes those
   * that ended. With the memory store, or while the store does not answer, only ended blocks are dropped.
   */
  synchronized void refresh() {
    Instant now = time.now();
    List<Block> stored = null;
    if (store != null) {
      try {
        ensureCreated();
        store.removeExpired(now);
        stored = store.load(now, maxBlocks);
        recovered();
      } catch (Exception e) {
        failed("cannot reload; the blocks known before stay in force. Reading", e);
      }
    }
    synchronized (snapshotLock) {
      List<Block> all = new ArrayList<>();
      if (stored != null) {
        all.addAll(stored);
        // Started here and not written yet (the write failed, or is about to run): still in force.
        all.addAll(pending.values());
      } else {
        all.addAll(snapshot.all());
      }
      snapshot = Blocks.of(all, now);
      if (snapshot.size() < maxBlocks) {
        fullLogged.set(false);
      }
    }
  }

  /** The pipeline is gone: stop refreshing, and write what is pending. */
  void stop() {
    ScheduledFuture<?> task = schedule;
    if (task != null) {
      task.cancel(false);
    }
    Background.executor().execute(this::flush);
  }

  private void ensureCreated() throws Exception {
    if (!created) {
      store.create();
      created = true;
    }
  }

  private void failed(String what, Exception e) {
    if (!failing) {
      failing = true;
      // The exception's message may quote the server, never a URL or a statement.
      LOG.warn("Aegis response: {} the {}: {}. Blocks started here are still enforced here; other instances"
          + " see them once the {} answers. If the table cannot be created, create it as docs/response.md"
          + " shows, or set response.store: memory.", what, store.describe(), e.toString(), store.describe());
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("Aegis response: the {} answers again", store.describe());
    }
  }
}
