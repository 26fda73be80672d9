package dev.aegis.response;

import dev.aegis.background.Background;
import dev.aegis.lockout.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The callers one pipeline refuses: principals and client addresses blocked by automatic response, here
 * or by another instance sharing the store. {@link #find} on the statement path reads an immutable snapshot
 * (no lock; no allocation unless someone is blocked); {@link #add} puts a block in force at once and leaves
 * the write to Aegis's background thread, which also reads the store again every refresh interval, so that
 * instances sharing {@code aegis_blocks} honour each other's blocks within that interval.
 */
public final class BlockList {
  private final BlockWorker worker;

  /** The blocks that refuse one caller: either may be null, not both. */
  public record Hit(Block principal, Block address) {
    /** When the last of them ends. */
    public Instant until() {
      if (principal == null) {
        return address.until();
      }
      return address == null || principal.until().isAfter(address.until()) ? principal.until() : address.until();
    }
  }

  private BlockList(BlockWorker worker) {
    this.worker = worker;
  }

  /**
   * A list kept in {@code store}, read again every {@code refresh}; the first read starts at once on the
   * background thread, so that creating or reading the table never delays a connect.
   *
   * @param store where blocks are shared, or null to keep them in this instance's memory only
   * @param time the wall clock blocks end by ({@link TimeSource#now()})
   */
  public static BlockList start(BlockStore store, Duration refresh, TimeSource time) {
    return start(store, refresh, time, BlockWorker.MAX_BLOCKS);
  }

  /** As above, with another bound on the blocks kept (tests of the bound). */
  static BlockList start(BlockStore store, Duration refresh, TimeSource time, int maxBlocks) {
    BlockWorker worker = new BlockWorker(store, time, maxBlocks);
    BlockList list = new BlockList(worker);
    long millis = refresh.toMillis();
    // The task holds the worker, never the list, so the cleaner can run once the pipeline is dropped.
    worker.scheduled(Background.executor().scheduleWithFixedDelay(worker::cycle, 0, millis,
        TimeUnit.MILLISECONDS));
    Background.cleaner().register(list, worker::stop);
    return list;
  }

  /**
   * The blocks in force now on {@code principal} or {@code address}, or null when neither is blocked.
   *
   * @param principal the caller's principal, or null to check the address only
   * @param address the caller's address, or null to check the principal only
   */
  public Hit find(String principal, String address) {
    Blocks blocks = worker.snapshot();
    if (blocks.isEmpty()) {
      return null;
    }
    Block byPrincipal = blocks.principal(principal);
    Block byAddress = blocks.address(address);
    if (byPrincipal == null && byAddress == null) {
      return null;
    }
    // Only now the clock: a block that ended is ignored here and dropped at the next refresh.
    Instant now = worker.time().now();
    byPrincipal = byPrincipal != null && byPrincipal.activeAt(now) ? byPrincipal : null;
    byAddress = byAddress != null && byAddress.activeAt(now) ? byAddress : null;
    return byPrincipal == null && byAddress == null ? null : new Hit(byPrincipal, byAddress);
  }

  /**
   * Puts {@code block} in force here at once, and in the store soon after.
   *
   * @return true when it started or extended a block; false when one of its subject already lasts as long,
   *     or when the most blocks kept are in force
   */
  public boolean add(Block block) {
    boolean started = worker.add(block);
    if (started && worker.shared()) {
      // Written now rather than at the end of the interval, so other instances see it at their next refresh.
      Background.executor().execute(worker::flush);
    }
    return started;
  }

  /** How many blocks the snapshot holds, ended ones not yet dropped included. */
  public int size() {
    return worker.snapshot().size();
  }

  /** The store, for messages: {@code table aegis_blocks} or this instance's memory. */
  public String describe() {
    return worker.describe();
  }

  /** Test hook: writes pending blocks now, as the background thread does soon after they start. */
  void flush() {
    worker.flush();
  }

  /** Test hook: reads the store again now, as the end of a refresh interval does. */
  void refresh() {
    worker.refresh();
  }
}
