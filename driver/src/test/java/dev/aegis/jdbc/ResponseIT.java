package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aegis.cli.AegisCommand;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.error.AegisCallerBlockedException;
import dev.aegis.lockout.ManualTime;
import dev.aegis.pipeline.PipelineHooks;
import dev.aegis.response.BlockList;
import dev.aegis.response.ResponseHooks;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Automatic response against the real server, with two application instances (two pools, two
 * configurations of the same content) sharing {@code aegis_blocks}: a caller blocked by one is refused by
 * the other after its refresh; the block ends by itself; {@code aegis blocks remove} lifts it for both; and
 * no refused statement reaches the server, which its own {@code Questions} counter proves. Refreshes are
 * triggered by hooks and time is moved by hand: nothing waits for a clock.
 */
class ResponseIT {
  private static final String INJECTION = "SELECT name FROM customers WHERE name = '' OR 1=1 -- '";
  private static final String CLEAN = "SELECT name FROM customers WHERE id = 1";
  private static final String MALLORY_AT = "203.0.113.66";

  @TempDir
  Path dir;
  private final ManualTime time = new ManualTime();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TestDatabase db;
  private String schema;

  @BeforeEach
  void tables() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("response");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(60), email VARCHAR(80))");
      s.execute("INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', 'alan@example.com')");
    }
  }

  /** A refresh far beyond the test: only the hooks read the table, so nothing depends on timing. */
  private Path config(String name) throws Exception {
    return Files.writeString(dir.resolve(name + ".yml"), """
        detection:
          mode: enforce
        response:
          block-after: 3
          within: 10m
          block-for: 30m
          refresh: 24h
        """);
  }

  private HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.plainUrl(schema));
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(3);
    return new HikariDataSource(config);
  }

  private AegisDataSource instance(HikariDataSource pool, Path config) {
    return AegisDataSource.builder(pool).config(config.toString()).meterRegistry(registry).time(time).build();
  }

  private static BlockList blocks(Connection c) throws SQLException {
    return PipelineHooks.blocks(c.unwrap(AegisConnection.class).pipeline());
  }

  /** What the server counted on this connection, asked past Aegis so the question is neither judged nor refused. */
  private static long questions(Connection c) throws SQLException {
    try (Statement s = c.unwrap(JdbcConnection.class).createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static String run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** Runs {@code sql}, expects {@code type}, and proves the server received nothing but the SHOW STATUS. */
  private static <T extends SQLException> T refusedBeforeTheServer(Connection c, String sql, Class<T> type)
      throws SQLException {
    long before = questions(c);
    List<T> caught = new ArrayList<>();
    assertThatThrownBy(() -> run(c, sql)).isInstanceOfSatisfying(type, caught::add);
    assertThat(questions(c) - before).as("statements the server received besides SHOW STATUS").isEqualTo(1);
    return caught.get(0);
  }

  private static void injectThrice(Connection c) throws SQLException {
    for (int i = 0; i < 3; i++) {
      AegisBlockedException e = refusedBeforeTheServer(c, INJECTION, AegisBlockedException.class);
      assertThat(e.getSQLState()).isEqualTo("ZA100");
    }
  }

  private void assertRefused(Connection c, String principal, String address) throws SQLException {
    try (AegisContext.Scope caller = AegisContext.enter(principal, address)) {
      AegisCallerBlockedException e = refusedBeforeTheServer(c, CLEAN, AegisCallerBlockedException.class);
      assertThat(e.getSQLState()).isEqualTo("ZA130");
    }
  }

  private void assertPasses(Connection c, String principal, String address) throws SQLException {
    try (AegisContext.Scope caller = AegisContext.enter(principal, address)) {
      assertThat(run(c, CLEAN)).isEqualTo("Ada");
    }
  }

  private long rows(String sql) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private int aegis(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", db.plainUrl(schema), "--user", db.user(), "--password", db.password()));
    CommandLine line = new CommandLine(new AegisCommand());
    line.setOut(new PrintWriter(new StringWriter(), true));
    line.setErr(new PrintWriter(new StringWriter(), true));
    return line.execute(all.toArray(String[]::new));
  }

  @Test
  void aBlockWrittenByOneInstanceIsHonouredByASecond() throws Exception {
    Path configA = config("instance-a");
    Path configB = config("instance-b");
    try (HikariDataSource poolA = pool(); HikariDataSource poolB = pool();
        Connection a = instance(poolA, configA).getConnection();
        Connection b = instance(poolB, configB).getConnection()) {
      assertThat(blocks(a)).as("two instances").isNotSameAs(blocks(b));
      // Both have read the (new, empty) table once; from here on only the hooks read it.
      ResponseHooks.drain();

      try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
        injectThrice(a);
        AegisCallerBlockedException e = refusedBeforeTheServer(a, CLEAN, AegisCallerBlockedException.class);
        assertThat(e.getSQLState()).isEqualTo("ZA130");
        assertThat(e.blockedPrincipal()).isEqualTo("mallory");
        assertThat(e.until()).isEqualTo(ManualTime.START.plus(Duration.ofMinutes(30)));
        assertThat(e.getMessage()).contains("principal 'mallory' is blocked until 2026-11-23T10:30:00Z",
            "aegis blocks remove --principal 'mallory'");
        assertThat(run(b, CLEAN)).as("b has not read the table yet").isEqualTo("Ada");
      }

      ResponseHooks.flush(blocks(a));
      ResponseHooks.refresh(blocks(b));
      assertRefused(b, "mallory", "198.51.100.20");
      assertRefused(b, "bob", MALLORY_AT);
      assertPasses(b, "alice", "198.51.100.7");
      assertThat(rows("SELECT COUNT(*) FROM aegis_blocks WHERE reason LIKE '3 blocked statements within 10m:"
          + " tautology-or%' AND created_by <> ''")).as("the principal and the address").isEqualTo(2);
      assertThat(rows("SELECT COUNT(*) FROM aegis_blocks WHERE reason LIKE '%1=1%'")).as("no values").isZero();

      time.advance(Duration.ofMinutes(30));
      assertPasses(a, "mallory", MALLORY_AT);
      assertPasses(b, "mallory", MALLORY_AT);
      ResponseHooks.refresh(blocks(b));
      assertThat(rows("SELECT COUNT(*) FROM aegis_blocks")).as("ended blocks are cleaned up").isZero();

      try (AegisContext.Scope mallory = AegisContext.enter("mallory", MALLORY_AT)) {
        injectThrice(a);
      }
      ResponseHooks.flush(blocks(a));
      ResponseHooks.refresh(blocks(b));
      assertRefused(a, "mallory", "198.51.100.20");
      assertRefused(b, "mallory", "198.51.100.20");

      assertThat(aegis("blocks", "remove", "--config", configA.toString(), "--principal", "mallory")).isZero();
      assertThat(aegis("blocks", "remove", "--address", MALLORY_AT)).isZero();
      assertRefused(a, "mallory", "198.51.100.20");
      ResponseHooks.refresh(blocks(a));
      ResponseHooks.refresh(blocks(b));
      assertPasses(a, "mallory", MALLORY_AT);
      assertPasses(b, "mallory", MALLORY_AT);
    }
    assertThat(registry.get("aegis.blocks.created").tag("kind", "principal").counter().count()).isEqualTo(2);
    assertThat(registry.get("aegis.blocks.created").tag("kind", "address").counter().count()).isEqualTo(2);
    assertThat(registry.get("aegis.blocks.refused").tag("kind", "principal").counter().count()).isEqualTo(5);
    assertThat(registry.get("aegis.blocks.refused").tag("kind", "address").counter().count()).isEqualTo(1);
  }
}
