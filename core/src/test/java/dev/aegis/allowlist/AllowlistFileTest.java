package dev.aegis.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.error.AegisConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowlistFileTest {
  private static final Instant T1 = Instant.parse("2024-05-01T12:00:00.123Z");
  private static final Instant T2 = Instant.parse("2024-05-02T08:30:00Z");

  @TempDir
  Path dir;

  private static String line(String digest) {
    return Fingerprint.of(digest) + " " + digest;
  }

  @Test
  void writtenEntriesReadBackEqualWithTheirFirstSightings() throws Exception {
    List<AllowlistEntry> entries = List.of(
        AllowlistEntry.seen("SELECT name FROM customers WHERE id = ?", T1, "ada@10.0.0.1"),
        new AllowlistEntry(Fingerprint.of("DELETE FROM t WHERE id = ?"), "DELETE FROM t WHERE id = ?", null,
            null, null),
        AllowlistEntry.seen("SELECT `odd\nname\\x` FROM t", T2, null));
    Path file = dir.resolve("allowlist.txt");

    AllowlistFile.write(file, entries);

    assertThat(AllowlistFile.read(file)).containsExactlyInAnyOrder(
        new AllowlistEntry(entries.get(0).fingerprint(), entries.get(0).digest(), T1, null, "ada@10.0.0.1"),
        entries.get(1),
        new AllowlistEntry(entries.get(2).fingerprint(), entries.get(2).digest(), T2, null, null));
    assertThat(Files.readAllLines(file)).as("one entry a line, even for a name with a line break")
        .filteredOn(l -> !l.startsWith("#") && !l.isBlank()).hasSize(3);
  }

  @Test
  void entriesAreWrittenSortedByDigestSoThatDiffsShowOnlyChanges() throws Exception {
    Path file = dir.resolve("allowlist.txt");
    AllowlistFile.write(file, List.of(AllowlistEntry.seen("UPDATE t SET a = ?", T1, null),
        AllowlistEntry.seen("DELETE FROM t", T1, null), AllowlistEntry.seen("SELECT ? FROM DUAL", T1, null)));

    assertThat(Files.readAllLines(file)).filteredOn(l -> !l.startsWith("#") && !l.isBlank())
        .containsExactly(line("DELETE FROM t"), line("SELECT ? FROM DUAL"), line("UPDATE t SET a = ?"));
    assertThat(Files.readString(file)).contains("# first-seen 2024-05-01T12:00:00.123Z\n" + line("DELETE FROM t"));
  }

  @Test
  void commentsBlankLinesAndCrLfAreIgnored() throws Exception {
    String text = "# reviewed by the security team\r\n\r\n   # indented comment\n"
        + "# first-seen not-a-time by nobody\n" + line("SELECT 1") + "\r\n\n"
        + "# first-seen 2024-05-02T08:30:00Z by app@host\n" + line("SELECT ? FROM t") + "\n";

    List<AllowlistEntry> entries = AllowlistFile.parse(text, "test");

    assertThat(entries).containsExactly(
        new AllowlistEntry(Fingerprint.of("SELECT 1"), "SELECT 1", null, null, null),
        new AllowlistEntry(Fingerprint.of("SELECT ? FROM t"), "SELECT ? FROM t", T2, null, "app@host"));
  }

  @Test
  void aShapeListedTwiceCountsOnceWithItsEarliestSighting() throws Exception {
    String text = "# first-seen 2024-05-02T08:30:00Z by late\n" + line("SELECT 1") + "\n"
        + "# first-seen 2024-05-01T12:00:00.123Z by early\n" + line("SELECT 1") + "\n";

    assertThat(AllowlistFile.parse(text, "test")).containsExactly(
        new AllowlistEntry(Fingerprint.of("SELECT 1"), "SELECT 1", T1, null, "early"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT 1|fingerprint of 16 lower-case hex digits",
      "0123456789ABCDEF SELECT 1|fingerprint of 16 lower-case hex digits",
      "0123456789abcdef|has no digest after it",
      "0123456789abcdef SELECT 1|does not match its digest",
      "BACKSLASH|a backslash in a digest is written",
  })
  void aMalformedLineIsAnErrorNamingTheFileAndTheLine(String bad, String problem) throws Exception {
    String line = bad.equals("BACKSLASH") ? Fingerprint.of("SELECT `a\\b`") + " SELECT `a\\b`" : bad;
    Path file = Files.writeString(dir.resolve("allowlist.txt"), "# header\n\n" + line("SELECT 2") + "\n" + line
        + "\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AllowlistFile.read(file))
        .isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("Malformed allowlist file " + file.toAbsolutePath() + ", line 4: ")
        .hasMessageContaining(problem)
        .extracting(e -> ((AegisConfigurationException) e).getSQLState()).isEqualTo("ZA011");
  }

  @Test
  void theFileIsReadableByReviewersAndKeepsPermissionsItWasGiven() throws Exception {
    Path file = dir.resolve("allowlist.txt");
    AllowlistFile.write(file, List.of(AllowlistEntry.seen("SELECT 1", T1, null)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    AllowlistFile.write(file, List.of(AllowlistEntry.seen("SELECT 2", T1, null)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary file left behind").containsExactly(file);
    }
  }
}
