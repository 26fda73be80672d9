package dev.aegis.response;

import dev.aegis.background.Background;
import java.util.concurrent.ExecutionException;

/**
 * The block list's package-private test hooks, for tests in other packages and modules (the core test-jar):
 * they do at once what the background thread does soon after a block starts or at the end of a refresh
 * interval, so no test waits for a clock.
 */
public final class ResponseHooks {
  private ResponseHooks() {}

  /** Writes the blocks started here to the store now. */
  public static void flush(BlockList blocks) {
    blocks.flush();
  }

  /**
   * Waits until Aegis's background thread has run every task due so far, such as the first refresh of a
   * block list that just started: a test then knows what each list has read, without sleeping.
   */
  public static void drain() {
    try {
      Background.executor().submit(() -> { }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the store again now (and drops blocks that ended). */
  public static void refresh(BlockList blocks) {
    blocks.refresh();
  }
}
