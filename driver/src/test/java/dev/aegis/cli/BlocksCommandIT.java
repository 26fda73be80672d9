package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.response.Block;
import dev.aegis.response.BlockKind;
import dev.aegis.response.JdbcBlockStore;
import dev.aegis.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aegis blocks list | remove} with the {@code aegis_blocks} table, against a real server. */
class BlocksCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private TestDatabase db;
  private String schema;
  private JdbcBlockStore store;

  @TempDir
  Path dir;

  @BeforeEach
  void database() {
    db = TestDatabase.shared();
    try {
      schema = db.createDatabase("blocks_cli");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    store = new JdbcBlockStore(() -> db.connectPlain(schema));
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

  private void seed() throws Exception {
    store.create();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    store.put(new Block(BlockKind.PRINCIPAL, "mallory", now.plus(Duration.ofMinutes(30)),
        "3 blocked statements within 10m: tautology-or", now, "app-1/4242"));
    store.put(new Block(BlockKind.ADDRESS, "203.0.113.66\u001b[2J", now.plus(Duration.ofHours(2)),
        "canary-read: a result returned a canary value", now, "app-2/77"));
    store.put(new Block(BlockKind.PRINCIPAL, "gone", now.minus(Duration.ofMinutes(1)), "ended", now, "app-1/4242"));
  }

  @Test
  void listShowsWhoUntilWhenWhyAndWhoStartedTheBlocksInForce() throws Exception {
    seed();

    assertThat(run("blocks", "list")).as(err.toString()).isZero();

    assertThat(out.toString()).contains("KIND", "SUBJECT", "UNTIL (UTC)", "REASON")
        .contains("principal  mallory", "3 blocked statements within 10m: tautology-or; app-1/4242 at")
        .contains("address", "203.0.113.66\\u001b[2J", "canary-read", "app-2/77")
        .contains("2 block(s) in force in table aegis_blocks")
        .doesNotContain("gone", "\u001b", db.password());
    assertThat(out.toString().indexOf("address")).as("longest first").isLessThan(out.toString().indexOf("mallory"));
  }

  @Test
  void removeLiftsOneBlockAndSaysWhenNothingMatched() throws Exception {
    seed();

    assertThat(run("blocks", "remove", "--principal", "mallory")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Block of principal 'mallory' removed from table aegis_blocks",
        "within their refresh interval (5s)");
    assertThat(store.load(Instant.now(), 10)).extracting(Block::subject).containsExactly("203.0.113.66\u001b[2J");

    assertThat(run("blocks", "remove", "--principal", "mallory")).isEqualTo(1);
    assertThat(err.toString()).contains("No block of principal 'mallory' in table aegis_blocks; nothing was removed");
    assertThat(run("blocks", "remove", "--address", "mallory")).as("kinds are apart").isEqualTo(1);
  }

  @Test
  void theRefreshIntervalComesFromTheConfiguration() throws Exception {
    seed();
    Path config = Files.writeString(dir.resolve("aegis.yml"),
        "detection:\n  mode: enforce\nresponse:\n  refresh: 30s\n");

    assertThat(run("blocks", "remove", "--config", config.toString(), "--address", "203.0.113.66\u001b[2J"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("address '203.0.113.66\\u001b[2J' removed", "(30s)");
  }

  @Test
  void aTableNotCreatedYetHoldsNoBlock() {
    assertThat(run("blocks", "list")).isZero();
    assertThat(out.toString()).contains("No block is in force: table aegis_blocks does not exist yet");
    assertThat(run("blocks", "remove", "--address", "203.0.113.66")).isEqualTo(1);
  }
}
