package dev.aegis.benchmarks.suite;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * JMH refuses to start while another JMH run on the machine holds its lock file (so that two runs do not
 * measure each other). On a shared machine the suite waits for the other run to end instead of failing
 * every part at once.
 */
final class JmhLock {
  private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");

  private JmhLock() {}

  /** True once no other process holds JMH's lock, false if it is still held after {@code patience}. */
  static boolean awaitFree(Duration patience) throws InterruptedException {
    if (Boolean.getBoolean("jmh.ignoreLock")) {
      return true;
    }
    Instant deadline = Instant.now().plus(patience);
    boolean told = false;
    while (true) {
      if (free()) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      if (!told) {
        System.out.println("Another JMH run holds " + FILE + "; waiting for it to finish (up to "
            + Math.round(patience.toSeconds() / 60.0) + " min)…");
        told = true;
      }
      Thread.sleep(5_000);
    }
  }

  /** Whether JMH's message says it could not take the lock. */
  static boolean isLockFailure(Throwable error) {
    return error.getMessage() != null && error.getMessage().contains("Unable to acquire the JMH lock");
  }

  private static boolean free() {
    try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "rw");
        FileLock lock = file.getChannel().tryLock()) {
      return lock != null;
    } catch (IOException | RuntimeException e) {
      // Cannot tell (not writable, say): let JMH decide.
      return true;
    }
  }
}
