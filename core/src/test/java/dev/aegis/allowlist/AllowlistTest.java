package dev.aegis.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process allowlist over a file: learning is queued, written on flush, and visible after it. */
class AllowlistTest {
  // Long enough that the background thread never runs during a test: the hooks stand in for it.
  private static final Duration NEVER = Duration.ofHours(1);
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir
  Path dir;

  private Allowlist start(Path file, int capacity) throws Exception {
    // Early writes are not run either, so what is written when is up to the test alone.
    return Allowlist.start(new FileAllowlistStore(file), NEVER, capacity, CLOCK, task -> { });
  }

  @Test
  void aLearntShapeIsWrittenAtTheFlushWithItsFirstSightingAndCaller() throws Exception {
    Path file = dir.resolve("allowlist.txt");
    Allowlist allowlist = start(file, 100);

    allowlist.learn("SELECT name FROM customers WHERE id = ?", "ada@10.0.0.1");
    allowlist.learn("SELECT name FROM customers WHERE id = ?", "alan@10.0.0.2");
    assertThat(allowlist.contains("SELECT name FROM customers WHERE id = ?")).as("queued, not yet allowed").isFalse();
    assertThat(file).doesNotExist();

    allowlist.flush();

    assertThat(allowlist.contains("SELECT name FROM customers WHERE id = ?")).isTrue();
    assertThat(allowlist.size()).isEqualTo(1);
    assertThat(AllowlistFile.read(file)).containsExactly(new AllowlistEntry(
        Fingerprint.of("SELECT name FROM customers WHERE id = ?"), "SELECT name FROM customers WHERE id = ?",
        NOW, null, "ada@10.0.0.1"));
  }

  @Test
  void entriesWrittenByHandOrByAnotherInstanceArriveAtTheRefreshAndSurviveLearning() throws Exception {
    Path file = dir.resolve("allowlist.txt");
    Allowlist allowlist = start(file, 100);
    new FileAllowlistStore(file).add(List.of(AllowlistEntry.seen("SELECT 1", NOW, "ops")));
    assertThat(allowlist.contains("SELECT 1")).isFalse();

    allowlist.refresh();
    allowlist.learn("SELECT 2", null);
    allowlist.flush();

    assertThat(allowlist.contains("SELECT 1")).isTrue();
    assertThat(AllowlistFile.read(file)).extracting(AllowlistEntry::digest).containsExactlyInAnyOrder("SELECT 1",
        "SELECT 2");
  }

  @Test
  void newShapesBeyondTheBoundAreDroppedUntilTheQueueIsWritten() throws Exception {
    Path file = dir.resolve("allowlist.txt");
    Allowlist allowlist = start(file, 4);
    for (int i = 0; i < 10; i++) {
      allowlist.learn("SELECT " + i, null);
    }
    allowlist.flush();
    assertThat(allowlist.size()).isEqualTo(4);

    allowlist.learn("SELECT 9", null);
    allowlist.flush();
    assertThat(allowlist.contains("SELECT 9")).as("recorded at a later use").isTrue();
  }

  @Test
  void aStoreThatFailsKeepsTheQueueForTheNextInterval() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-directory"), "");
    Path file = blocker.resolve("allowlist.txt");
    Allowlist allowlist = start(file, 100);

    allowlist.learn("SELECT 1", null);
    allowlist.flush();
    assertThat(allowlist.contains("SELECT 1")).isFalse();

    Files.delete(blocker);
    allowlist.flush();
    assertThat(allowlist.contains("SELECT 1")).isTrue();
    assertThat(AllowlistFile.read(file)).extracting(AllowlistEntry::digest).containsExactly("SELECT 1");
  }

  @Test
  void anUnknownShapeIsReportedOncePerProcess() throws Exception {
    Allowlist allowlist = start(dir.resolve("allowlist.txt"), 100);

    assertThat(allowlist.firstReport("SELECT x")).isTrue();
    assertThat(allowlist.firstReport("SELECT x")).isFalse();
    assertThat(allowlist.firstReport("SELECT y")).isTrue();
  }
}
