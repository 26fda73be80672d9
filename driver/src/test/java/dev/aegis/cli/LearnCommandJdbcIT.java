package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.allowlist.AllowlistEntry;
import dev.aegis.allowlist.AllowlistFile;
import dev.aegis.allowlist.JdbcAllowlistStore;
import dev.aegis.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aegis learn} with the {@code aegis_allowlist} table, against a real server. */
class LearnCommandJdbcIT {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T00:00:00Z");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private TestDatabase db;
  private String schema;
  private Path config;

  @TempDir
  Path dir;

  @BeforeEach
  void database() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("learn_cli");
    config = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  mode: enforce\n  allowlist: jdbc\n");
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", db.plainUrl(schema), "--user", db.user(), "--password", db.password()));
    CommandLine line = new CommandLine(new AegisCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(all.toArray(String[]::new));
  }

  private List<AllowlistEntry> table() throws Exception {
    return new JdbcAllowlistStore(() -> db.connectPlain(schema)).load();
  }

  @Test
  void aReviewedFileIsMergedIntoTheTableAndTheTableBackIntoAFile() throws Exception {
    Path reviewed = dir.resolve("reviewed.txt");
    AllowlistFile.write(reviewed, List.of(AllowlistEntry.seen("SELECT name FROM customers WHERE id = ?", MAY_1,
        "app@staging"), AllowlistEntry.seen("SELECT 1", MAY_1, null)));

    assertThat(run("learn", "merge", "--into", "jdbc", reviewed.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("merged into the table aegis_allowlist: 2 new, 2 in all")
        .doesNotContain(db.password());
    assertThat(table()).extracting(AllowlistEntry::digest, AllowlistEntry::firstSeen, AllowlistEntry::firstCaller)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SELECT name FROM customers WHERE id = ?", MAY_1, "app@staging"),
            org.assertj.core.groups.Tuple.tuple("SELECT 1", MAY_1, null));

    Path copy = dir.resolve("copy.txt");
    assertThat(run("learn", "merge", "--into", copy.toString(), "--config", config.toString())).as(err.toString())
        .isZero();
    assertThat(AllowlistFile.read(copy)).extracting(AllowlistEntry::digest)
        .containsExactlyInAnyOrderElementsOf(AllowlistFile.read(reviewed).stream().map(AllowlistEntry::digest).toList());

    assertThat(run("learn", "list", "jdbc")).isZero();
    assertThat(out.toString()).contains("SELECT name FROM customers WHERE id = ?", "by app@staging");
  }

  @Test
  void pruneRemovesRowsNotSeenForTheGivenDays() throws Exception {
    AllowlistFile.write(dir.resolve("a.txt"), List.of(AllowlistEntry.seen("SELECT 1", MAY_1, null),
        AllowlistEntry.seen("SELECT 2", MAY_1, null), AllowlistEntry.seen("SELECT 3", MAY_1, null)));
    assertThat(run("learn", "merge", "--into", "jdbc", dir.resolve("a.txt").toString())).isZero();
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE aegis_allowlist SET last_seen = UTC_TIMESTAMP(3) - INTERVAL 2 DAY WHERE digest = 'SELECT 2'");
      s.executeUpdate("UPDATE aegis_allowlist SET last_seen = UTC_TIMESTAMP(3) WHERE digest = 'SELECT 3'");
    }

    assertThat(run("learn", "prune", "--config", config.toString(), "--unused-days", "7")).as(err.toString()).isZero();

    assertThat(out.toString()).contains("1 shape(s) not used for 7 day(s) removed from the table aegis_allowlist; 2 remain");
    assertThat(table()).extracting(AllowlistEntry::digest).containsExactlyInAnyOrder("SELECT 2", "SELECT 3");
  }

  @Test
  void aMissingTableIsNotMistakenForAnEmptyOne() {
    assertThat(run("learn", "merge", "--into", dir.resolve("x.txt").toString(), "jdbc")).isEqualTo(2);
    assertThat(err.toString()).contains("table aegis_allowlist does not exist");
  }
}
