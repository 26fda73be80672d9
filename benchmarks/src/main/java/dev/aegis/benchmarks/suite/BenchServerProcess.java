package dev.aegis.benchmarks.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One embedded MariaDB for the whole end-to-end part, shared by all its forks: the end-to-end package's
 * {@code BenchServer} run as a child JVM, which prints its JDBC URL on one line and serves until its standard
 * input closes. Being a child on a pipe, it also stops if the suite dies, so no server outlives a run.
 *
 * <p>The only coupling to that class is its name and that contract, so the suite builds and runs without it.
 */
final class BenchServerProcess implements AutoCloseable {
  static final String MAIN_CLASS = "dev.aegis.benchmarks.endtoend.BenchServer";
  private static final long START_TIMEOUT_SECONDS = 180;

  private final Process process;
  private final String jdbcUrl;

  private BenchServerProcess(Process process, String jdbcUrl) {
    this.process = process;
    this.jdbcUrl = jdbcUrl;
  }

  static boolean available() {
    try {
      Class.forName(MAIN_CLASS, false, BenchServerProcess.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Starts the server and waits for its URL. */
  static BenchServerProcess start() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), MAIN_CLASS))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BlockingQueue<String> url = new ArrayBlockingQueue<>(1);
    Thread reader = new Thread(() -> readOutput(process, url), "bench-server-output");
    reader.setDaemon(true);
    reader.start();
    String line = url.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (line == null || line.isEmpty()) {
      process.destroy();
      throw new IOException(MAIN_CLASS + " printed no jdbc: URL within " + START_TIMEOUT_SECONDS + " s"
          + (process.isAlive() ? "" : " (it exited with " + process.waitFor() + ")"));
    }
    return new BenchServerProcess(process, line);
  }

  /** The URL with credentials, for {@code -Daegis.bench.jdbcUrl}. Never print it: it holds a password. */
  String jdbcUrl() {
    return jdbcUrl;
  }

  /** Closes the server's standard input, which stops it; then waits, and ends it if it will not stop. */
  @Override
  public void close() {
    try (OutputStream in = process.getOutputStream()) {
      in.flush();
    } catch (IOException e) {
      // Already closed: the server is stopping anyway.
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Hands over the first line that is a JDBC URL (an empty one if the output ends first), then drains. */
  private static void readOutput(Process process, BlockingQueue<String> url) {
    boolean found = false;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!found && line.startsWith("jdbc:")) {
          found = url.offer(line.trim());
        } else {
          // Anything else it prints is shown, except that a URL line could hold a password.
          System.out.println("[bench-server] " + (line.contains("password") ? "(line not shown)" : line));
        }
      }
    } catch (IOException e) {
      // The server's output closed: it is gone.
    }
    if (!found) {
      url.offer("");
    }
  }
}
