package dev.aegis.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The lines SLF4J Simple writes to {@code System.err} while it is open, handed over through a queue so a
 * test can wait for a line written by another thread (Aegis's event thread) without sleeping. Lines still
 * reach the real {@code System.err}. SLF4J Simple looks {@code System.err} up at each write, which is what
 * makes swapping it work.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private LogCapture() {}

  /** Starts capturing. */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    System.setErr(new PrintStream(new LineSplitter(capture), true, StandardCharsets.UTF_8));
    return capture;
  }

  /**
   * The first line from now on that matches, waiting up to {@code timeout} for it; lines that do not match
   * are consumed. Fails when none comes in time.
   */
  public String await(Predicate<String> matching, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no matching log line within " + timeout);
      }
      if (matching.test(line)) {
        return line;
      }
    }
  }

  /** The lines captured and not yet consumed, without waiting. */
  public List<String> drain() {
    List<String> out = new ArrayList<>();
    lines.drainTo(out);
    return out;
  }

  @Override
  public void close() {
    System.setErr(original);
  }

  /** Cuts what is written into lines, passing every byte on to the original stream. */
  private static final class LineSplitter extends OutputStream {
    private final LogCapture capture;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineSplitter(LogCapture capture) {
      this.capture = capture;
    }

    @Override
    public synchronized void write(int b) {
      capture.original.write(b);
      if (b == '\n') {
        capture.lines.add(line.toString(StandardCharsets.UTF_8).stripTrailing());
        line.reset();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public void flush() {
      capture.original.flush();
    }
  }
}
