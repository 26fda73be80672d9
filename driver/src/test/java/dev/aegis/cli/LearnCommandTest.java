package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.allowlist.AllowlistEntry;
import dev.aegis.allowlist.AllowlistFile;
import dev.aegis.allowlist.Fingerprint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aegis learn merge | prune | list} on allowlist files. */
class LearnCommandTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant MAY_2 = Instant.parse("2024-05-02T00:00:00Z");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine line = new CommandLine(new AegisCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private Path file(String name, AllowlistEntry... entries) throws Exception {
    Path path = dir.resolve(name);
    AllowlistFile.write(path, List.of(entries));
    return path;
  }

  @Test
  void mergeKeepsEachShapeOnceWithItsEarliestSightingSorted() throws Exception {
    Path a = file("a.txt", AllowlistEntry.seen("SELECT 2", MAY_2, "late@a"), AllowlistEntry.seen("SELECT 1", MAY_1, null));
    Path b = file("b.txt", AllowlistEntry.seen("SELECT 2", MAY_1, "early@b"), AllowlistEntry.seen("DELETE FROM t", MAY_2, null));
    Path into = dir.resolve("merged.txt");

    assertThat(run("learn", "merge", "--into", into.toString(), a.toString(), b.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("3 shape(s) from 2 source(s) merged into the file " + into, "3 new, 3 in all");
    assertThat(AllowlistFile.read(into)).containsExactly(
        new AllowlistEntry(Fingerprint.of("DELETE FROM t"), "DELETE FROM t", MAY_2, null, null),
        new AllowlistEntry(Fingerprint.of("SELECT 1"), "SELECT 1", MAY_1, null, null),
        new AllowlistEntry(Fingerprint.of("SELECT 2"), "SELECT 2", MAY_1, null, "early@b"));
    assertThat(Files.readAllLines(into)).filteredOn(l -> !l.startsWith("#") && !l.isBlank())
        .as("sorted by digest").isSorted();
  }

  @Test
  void mergingIntoAnExistingFileKeepsWhatItHolds() throws Exception {
    Path reviewed = file("reviewed.txt", AllowlistEntry.seen("SELECT 1", MAY_1, "ops"));
    Path learnt = file("learnt.txt", AllowlistEntry.seen("SELECT 1", MAY_2, "app"), AllowlistEntry.seen("SELECT 3", MAY_2, "app"));

    assertThat(run("learn", "merge", "--into", reviewed.toString(), learnt.toString())).isZero();

    assertThat(out.toString()).contains("1 new, 2 in all");
    assertThat(AllowlistFile.read(reviewed)).extracting(AllowlistEntry::digest, AllowlistEntry::firstCaller)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SELECT 1", "ops"),
            org.assertj.core.groups.Tuple.tuple("SELECT 3", "app"));
  }

  @Test
  void aMissingOrMalformedSourceFailsTheMergeAndWritesNothing() throws Exception {
    Path into = dir.resolve("merged.txt");
    assertThat(run("learn", "merge", "--into", into.toString(), dir.resolve("typo.txt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("typo.txt does not exist");

    Path bad = Files.writeString(dir.resolve("bad.txt"), "# fine\n\nnot an entry\n");
    assertThat(run("learn", "merge", "--into", into.toString(), bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Malformed allowlist file " + bad, "line 3");
    assertThat(into).doesNotExist();
  }

  @Test
  void listPrintsTheFileFormatFromAFileOrTheConfiguredAllowlist() throws Exception {
    file("allowlist.txt", AllowlistEntry.seen("UPDATE t SET a = ?", MAY_1, "app@h"), AllowlistEntry.seen("SELECT 1", MAY_1, null));
    Path config = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  allowlist: file:allowlist.txt\n");

    assertThat(run("learn", "list", "--config", config.toString())).as(err.toString()).isZero();
    String listed = out.toString();
    assertThat(AllowlistFile.parse(listed, "output")).extracting(AllowlistEntry::digest)
        .containsExactly("SELECT 1", "UPDATE t SET a = ?");
    assertThat(listed).contains("# first-seen 2024-05-01T00:00:00Z by app@h\n" + Fingerprint.of("UPDATE t SET a = ?"));
    assertThat(err.toString()).contains("2 shape(s) in the file");

    assertThat(run("learn", "list", dir.resolve("allowlist.txt").toString())).isZero();
    assertThat(out.toString()).isEqualTo(listed);
  }

  @Test
  void pruneRemovesFileEntriesFirstSeenBeforeTheCutoffAndKeepsThoseOfUnknownAge() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    file("allowlist.txt", AllowlistEntry.seen("SELECT old", now.minus(Duration.ofDays(40)), null),
        AllowlistEntry.seen("SELECT recent", now.minus(Duration.ofDays(2)), null),
        new AllowlistEntry(Fingerprint.of("SELECT by hand"), "SELECT by hand", null, null, null));
    Path config = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  allowlist: file:allowlist.txt\n");

    assertThat(run("learn", "prune", "--config", config.toString(), "--unused-days", "30")).as(err.toString()).isZero();

    assertThat(out.toString()).contains("1 shape(s) not used for 30 day(s) removed", "2 remain");
    assertThat(AllowlistFile.read(dir.resolve("allowlist.txt"))).extracting(AllowlistEntry::digest)
        .containsExactlyInAnyOrder("SELECT recent", "SELECT by hand");
  }

  @Test
  void pruneChecksItsArguments() throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  allowlist: file:allowlist.txt\n");
    Path none = Files.writeString(dir.resolve("none.yml"), "detection:\n  mode: enforce\n");

    assertThat(run("learn", "prune", "--config", config.toString(), "--unused-days", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--unused-days must be at least 1");
    assertThat(run("learn", "prune", "--config", none.toString(), "--unused-days", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("sets no detection.allowlist");
    assertThat(run("learn", "prune", "--config", config.toString(), "--unused-days", "5", "--url",
        "jdbc:mysql://localhost/app")).isEqualTo(2);
    assertThat(err.toString()).contains("--url is only for detection.allowlist: jdbc");
    assertThat(run("learn", "merge", "--into", "jdbc", dir.resolve("x.txt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("give the application's database with --url");
  }
}
